// Migration 0004: an alias belongs to a membership (the MEMBER_OF edge), not to the model node, so
// a model in two groups, or one that left a group, never holds an alias in a group that did not
// give it. Copies the aliases older versions kept on Model nodes onto their open MEMBER_OF edges,
// then removes the node property. A version in several groups keeps its aliases in each, as the
// older versions showed them. Both statements are no-ops once it has run.
// params: none
MATCH (m:Model)-[r:MEMBER_OF]->(:Entity)
WHERE r.validTo IS NULL AND size(coalesce(m.aliases, [])) > 0 AND r.aliases IS NULL
SET r.aliases = m.aliases;
MATCH (m:Model)
WHERE m.aliases IS NOT NULL
REMOVE m.aliases;
