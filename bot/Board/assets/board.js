// The case board in Teams: signs in with Teams SSO (authentication.getAuthToken), fetches the board
// from /board/view with the token, follows the board's links and filters the same way, and refreshes
// every minute. Outside Teams the server has already drawn the page (development mode), so nothing
// here is needed to read it.
(function () {
  'use strict';
  var content = document.getElementById('board-content');
  if (!content || document.body.dataset.signedIn === 'true' || !window.microsoftTeams) return;
  var teams = window.microsoftTeams;
  var refreshMs = Number(document.body.dataset.refresh || '60') * 1000;
  var current = location.pathname + location.search;

  function viewUrl(path) {
    var url = new URL(path, location.href);
    url.pathname = url.pathname.replace(/^\/board/, '/board/view');
    return url.toString();
  }

  function show(message) {
    content.innerHTML = '';
    var p = document.createElement('p');
    p.className = 'problem';
    p.setAttribute('role', 'alert');
    p.textContent = message;
    content.appendChild(p);
  }

  function load(path, remember) {
    return teams.authentication.getAuthToken().then(function (token) {
      return fetch(viewUrl(path), { headers: { Authorization: 'Bearer ' + token }, cache: 'no-store' });
    }).then(function (response) {
      return response.text();
    }).then(function (html) {
      content.innerHTML = html;
      current = path;
      if (remember) history.pushState(null, '', path);
    }).catch(function (error) {
      show('Teams could not sign you in to the case board: ' + (error && error.message ? error.message : error) + '. Try again in a moment.');
    });
  }

  content.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a') : null;
    var href = link && link.getAttribute('href');
    if (href && href.indexOf('/board') === 0) {
      event.preventDefault();
      load(href, true);
    }
  });

  content.addEventListener('submit', function (event) {
    event.preventDefault();
    var params = new URLSearchParams(new FormData(event.target));
    Array.from(params.keys()).forEach(function (key) { if (!params.get(key)) params.delete(key); });
    var query = params.toString();
    load('/board' + (query ? '?' + query : ''), true);
  });

  window.addEventListener('popstate', function () { load(location.pathname + location.search, false); });

  teams.app.initialize().then(function () {
    load(current, false);
    setInterval(function () { if (document.visibilityState === 'visible') load(current, false); }, refreshMs);
  }).catch(function () {
    show('This page signs you in through Teams: open it as the Case board tab in Teams.');
  });
})();
