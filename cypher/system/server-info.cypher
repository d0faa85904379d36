// The Neo4j product, version and edition of the server this database lives on.
// params: none
// returns: name, version, edition
CALL dbms.components() YIELD name, versions, edition
WHERE name = 'Neo4j Kernel'
RETURN name, versions[0] AS version, edition
