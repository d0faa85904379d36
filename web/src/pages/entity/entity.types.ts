import type { EntityRef } from '../../lib/graph-assembly';

export interface NamedValue {
  name: string;
  value: string;
  description?: string | null;
}

/** The entity page's answer: the common fields plus whichever type-specific ones the type has. */
export interface EntityDetails extends EntityRef {
  __typename: string;
  description?: string | null;
  statusReason?: string | null;
  tags: string[];
  owners: { id: string; type: string }[];
  customProperties: { key: string; value: string }[];
  externalUrl?: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  revision: number;
  relationCounts: { field: string; relationship: string; count: number }[];
  // type-specific (present only on the types that have them)
  [field: string]: unknown;
}

/** A column of a dataset (Dataset.columns), with what reads it directly. */
export interface DatasetColumn {
  urn: string;
  fieldPath: string;
  type?: string | null;
  description?: string | null;
  downstream: { columns: number; datasets: number; features: number; models: number };
}
