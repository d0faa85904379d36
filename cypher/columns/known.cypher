// Which of $fields are columns of the dataset $dataset: in its schema now or before, or named by
// column lineage (a column node exists). A column walk refuses the others, so a typo is an error,
// not an empty answer.
// params: $dataset, $fields
// returns: field
UNWIND $fields AS field
MATCH (c:Column {dataset: $dataset, fieldPath: field})
RETURN DISTINCT field
