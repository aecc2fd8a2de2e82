"""Plan Review core: plan model, readers, department registry and SQLite store. Never imports Qt."""
