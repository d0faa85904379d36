// The model versions of each group in $groups: members over MEMBER_OF edges valid at $asOf (open
// edges when $asOf is null) whose status is in $statuses, with what orders them (the server sorts:
// semantic version precedence does not fit in Cypher). Each member once per group.
// params: $groups, $statuses, $asOf
// returns: group, urn, version, sortId, createdAt
UNWIND $groups AS group
MATCH (:ModelGroup {urn: group})<-[r:MEMBER_OF]-(m:Model)
WHERE m.status IN $statuses
  AND CASE
    WHEN $asOf IS NULL THEN r.validTo IS NULL
    ELSE r.validFrom <= $asOf AND (r.validTo IS NULL OR r.validTo > $asOf)
  END
RETURN DISTINCT group, m.urn AS urn, m.version AS version, m.versionSortId AS sortId, m.createdAt AS createdAt
