// The configurable tab's settings page: one choice, the board itself, saved as the channel tab.
(function () {
  'use strict';
  var teams = window.microsoftTeams;
  if (!teams) return;
  teams.app.initialize().then(function () {
    teams.pages.config.registerOnSaveHandler(function (saveEvent) {
      var base = location.origin;
      teams.pages.config.setConfig({
        entityId: 'case-board',
        contentUrl: base + '/board',
        websiteUrl: base + '/board',
        suggestedDisplayName: 'Case board'
      }).then(function () { saveEvent.notifySuccess(); }, function (error) { saveEvent.notifyFailure(String(error)); });
    });
    teams.pages.config.setValidityState(true);
  });
})();
