"""Services behind the web pages: each turns query results into frozen page objects.

Views call one function here and render its result; nothing here knows Flask.
Every function takes the store (anything with `query(sparql)`) as its first
argument, so tests can pass the embedded store or the query pool alike.
"""
