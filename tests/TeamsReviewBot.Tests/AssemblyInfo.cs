using System.Diagnostics.CodeAnalysis;

// xunit disposes IAsyncLifetime fixtures through DisposeAsync, which CA1001 does not see.
[assembly: SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "Test classes dispose in IAsyncLifetime.DisposeAsync.", Scope = "namespaceanddescendants", Target = "~N:TeamsReviewBot.Tests")]
