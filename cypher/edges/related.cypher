// Slices of relationship lists, for the per-request relationship loader. Each of $slices asks the
// same list of several entities (k.urns): the entities of type k.target at the other end of each
// one's open edges of the types k.types, in the stored direction k.out (true: the listed entity is
// the edge's start), after k.after (a URN, or null), at most k.limit of them: all of them when
// there are fewer, in no order and an entity twice if two edges lead to it (the server orders and
// dedupes), else the first k.limit in URN order, each once; with the stored properties $fields
// lists for their type, so the list needs no second statement to show them. Slices group the keys
// of a tick so that a type list or a target is sent once per slice, not once per key. k.types come
// from the server's RelationshipType enum, never from free text. A slice with k.self true asks the
// entities k.urns themselves (the entity loader's batch, with the lists the operation selects on
// them read ahead in the same statement). k.nested lists the lists the operation selects on the
// slice's entities (a page's models' runs, and the runs' inputs): read for each entity the slice
// hands out (its first k.limit - 1, the last only tells that the list goes on); what they list is
// placed at sub = j + 1 (j: the nested list's index) with key = the entity they belong to (twice
// when two keys list that entity).
// Lists are pattern comprehensions, sorted only when k.limit long or longer, and the answer comes
// in rows of 25 entities: subqueries, sorts and a row per entity cost Neo4j more than the work
// (BENCHMARKS.md, side by side, "Eighth round").
// params: $slices, $owners, $fields
// slices: [{self, types, out, target, after, limit, nested: [{types, out, target, after, limit}]}]
// owners: [{urn, slices: [index in $slices]}]: each entity asked, and the slices that ask it
// fields: {<entity type>: [property name]}
// values: in the order of $fields; times as epoch milliseconds (decoding the driver's DateTime took
// more of a page's allocations than anything else; src/modules/entities/projection.ts turns them back),
// they and every integer sent as floats (the driver builds several objects for each integer it reads).
// returns: rows: [[urn, type, values, at: [[slice, sub, key]]]], at most 25 per row (slice, sub:
// floats)
// Each entity asked once ($owners: its URN and the slices that ask it), then each of its slices: a
// page's 100 models are sought once, not once per list.
UNWIND $owners AS o
MATCH (n:Entity {urn: o.urn})
UNWIND o.slices AS s
WITH toInteger(s) AS slice, o.urn AS key, n
WITH slice, $slices[slice] AS k, key, n
WITH slice, k, key, n,
  CASE
    WHEN k.self THEN CASE WHEN n.type IS NULL THEN [] ELSE [n] END
    WHEN k.out THEN [(n)-[r:$any(k.types)]->(m:Entity) WHERE r.validTo IS NULL AND m.type = k.target AND (k.after IS NULL OR m.urn > k.after) | m]
    ELSE [(n)<-[r:$any(k.types)]-(m:Entity) WHERE r.validTo IS NULL AND m.type = k.target AND (k.after IS NULL OR m.urn > k.after) | m]
  END AS found
// A list of k.limit or more: its first k.limit in URN order, each once (no DISTINCT in the
// subquery: Neo4j's memory tracking counts the whole list again for each of its rows there).
WITH slice, k, key, found, CASE WHEN size(found) < k.limit THEN null ELSE COLLECT { UNWIND found AS x WITH x, x.urn AS u ORDER BY u RETURN x } END AS sorted
WITH slice, k, key, CASE WHEN sorted IS NULL THEN found ELSE [i IN range(0, size(sorted) - 1) WHERE i = 0 OR sorted[i] <> sorted[i - 1] | sorted[i]][..k.limit] END AS listed
UNWIND range(0, size(listed) - 1) AS i
WITH slice, k, key, listed[i] AS m, NOT k.self AND i < k.limit - 1 AS shown
// The nested lists of each entity shown, the same way.
WITH slice, key, m, CASE WHEN shown AND size(k.nested) > 0 THEN [q IN k.nested |
    CASE WHEN q.out
      THEN [(m)-[r:$any(q.types)]->(x:Entity) WHERE r.validTo IS NULL AND x.type = q.target AND (q.after IS NULL OR x.urn > q.after) | x]
      ELSE [(m)<-[r:$any(q.types)]-(x:Entity) WHERE r.validTo IS NULL AND x.type = q.target AND (q.after IS NULL OR x.urn > q.after) | x]
    END] ELSE [] END AS nestedFound, k
WITH slice, key, m, k, [j IN range(0, size(nestedFound) - 1) | CASE WHEN size(nestedFound[j]) < k.nested[j].limit THEN null ELSE COLLECT { UNWIND nestedFound[j] AS x WITH x, x.urn AS u ORDER BY u RETURN x } END] AS nestedSorted, nestedFound
WITH slice, key, m, [j IN range(0, size(nestedFound) - 1) | CASE WHEN nestedSorted[j] IS NULL THEN nestedFound[j]
    ELSE [i IN range(0, size(nestedSorted[j]) - 1) WHERE i = 0 OR nestedSorted[j][i] <> nestedSorted[j][i - 1] | nestedSorted[j][i]][..k.nested[j].limit] END] AS nestedListed
// Each entity once, with every place it is listed: a group, a feature or an input dataset shared
// by many models of a page is sent and decoded once.
UNWIND [[toFloat(slice), 0.0, key, m]] + reduce(acc = [], j IN range(0, size(nestedListed) - 1) | acc + [x IN nestedListed[j] | [toFloat(slice), toFloat(j + 1), m.urn, x]]) AS e
WITH e[3] AS m, collect(e[..3]) AS at
// In rows of 25 entities: a row per entity costs Neo4j and the driver more per entity, and one row
// for all of them makes the driver decode text across Bolt's chunks, which is slower still.
WITH collect([m.urn, m.type, [v IN [f IN $fields[m.type] | m[f]] | CASE WHEN v IS :: ZONED DATETIME THEN toFloat(v.epochMillis) WHEN v IS :: INTEGER THEN toFloat(v) ELSE v END], at]) AS entities
UNWIND range(0, size(entities) - 1, 25) AS first
RETURN entities[first..first + 25] AS rows
