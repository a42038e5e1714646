using Gazette.Tests.Infrastructure;

// One running site per database provider for the whole test run: starting Gazette is the slow part.
[assembly: AssemblyFixture(typeof(SqliteSite))]
[assembly: AssemblyFixture(typeof(PostgresSite))]
