// The start of a lineage walk: the root entity (no row values when it does not exist) with the
// stored properties $fields lists for its type, and the graph's version: how many change records
// exist. Every write that changes what a walk can see (an entity's status, an edge opened or
// closed) records history in the same transaction, so the count moves with every such commit; it
// is read from Neo4j's counts store, in constant time. A walk kept under one version is the
// answer for as long as the version stays the same, or its signature ($signed, below) does.
// $urns: the entities on the page this question had when its walk was last kept (none when no walk
// is kept): read in the same statement, so a question asked again under the same version, or a later
// page, is one statement (src/modules/lineage/walk-and-page.ts). Missing URNs are left out.
// $signed: the entities a walk reached (its root first): one kept under an older version, or one
// just walked, to sign it; or none. For each, its revision and how many lineage edges it has on the side the walk steps out of
// ($downstream: stored outgoing DEPLOYED_TO..., incoming DERIVED_FROM...; else the reverse),
// read after the version and before it is read again (versionAfter; the subqueries import what
// they must follow, so the plan keeps that order). Revisions and edge counts
// only grow (entities and edges are never deleted; an edge closed is recorded as a change of one
// of its ends), so the same values for every reached entity, and no status change anywhere
// (statusVersion: counted from the records of status changes, as a status change next to a walk
// can add or remove an entity the walk never reached), mean that no write since changed the walk:
// it is the answer under this version too (src/modules/lineage/walk-and-page.ts). The relationship
// types are literals, written from the kinds' declarations by `npm run schema:emit`.
// params: $urn, $urns, $fields, $signed, $downstream
// fields: {<entity type>: [property name]}
// values: in the order of $fields; times as epoch milliseconds (decoding the driver's DateTime took
// more of a page's allocations than anything else; src/modules/entities/projection.ts turns them back),
// they and every integer sent as floats (the driver builds several objects for each integer it reads).
// returns: version, statusVersion, signature: [[i, revision, edges]] (floats, i the index in $signed;
// -1 for an entity not stored), versionAfter, urn, type, values, entities: [{urn, type, values}]
CALL () {
  MATCH (c:Change)
  RETURN count(c) AS version
}
CALL () {
  MATCH (c:StatusChange)
  RETURN count(c) AS statusVersion
}
CALL (version, statusVersion) {
  UNWIND range(0, size($signed) - 1) AS i
  OPTIONAL MATCH (n:Entity {urn: $signed[i]})
  RETURN collect(CASE WHEN n IS NULL THEN [toFloat(i), -1.0, -1.0] ELSE [
    toFloat(i),
    toFloat(coalesce(n.revision, 0)),
    CASE WHEN $downstream
      THEN toFloat(COUNT { (n)-[d:CONTAINS|DEPLOYED_TO|INPUT_OF|MEMBER_OF]->() } + COUNT { (n)<-[d:CONSUMES|DEPENDS_ON|DERIVED_FROM|EVALUATED_ON|OUTPUT_OF|TRAINED_BY|TRAINED_ON]-() })
      ELSE toFloat(COUNT { (n)-[u:CONSUMES|DEPENDS_ON|DERIVED_FROM|EVALUATED_ON|OUTPUT_OF|TRAINED_BY|TRAINED_ON]->() } + COUNT { (n)<-[u:CONTAINS|DEPLOYED_TO|INPUT_OF|MEMBER_OF]-() })
    END
  ] END) AS signature
}
CALL (signature) {
  MATCH (c:Change)
  RETURN count(c) AS versionAfter
}
CALL () {
  UNWIND $urns AS u
  MATCH (e:Entity {urn: u})
  WHERE e.type IS NOT NULL
  RETURN collect({urn: u, type: e.type, values: [v IN [k IN $fields[e.type] | e[k]] | CASE WHEN v IS :: ZONED DATETIME THEN toFloat(v.epochMillis) WHEN v IS :: INTEGER THEN toFloat(v) ELSE v END]}) AS entities
}
OPTIONAL MATCH (n:Entity {urn: $urn})
WHERE n.type IS NOT NULL
RETURN version, statusVersion, signature, versionAfter, n.urn AS urn, n.type AS type, [v IN [k IN coalesce($fields[n.type], []) | n[k]] | CASE WHEN v IS :: ZONED DATETIME THEN toFloat(v.epochMillis) WHEN v IS :: INTEGER THEN toFloat(v) ELSE v END] AS values,
  entities
