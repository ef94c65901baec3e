package bidi

// TablesVersion exposes the version recorded in the generated tables.
const TablesVersion = tablesVersion
