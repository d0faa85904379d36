import { registerEnumType } from 'type-graphql';

/** DataHub's MLFeatureDataType: the statistical kind of a feature's values. */
export enum FeatureDataType {
  USELESS = 'USELESS',
  NOMINAL = 'NOMINAL',
  ORDINAL = 'ORDINAL',
  BINARY = 'BINARY',
  COUNT = 'COUNT',
  TIME = 'TIME',
  INTERVAL = 'INTERVAL',
  IMAGE = 'IMAGE',
  VIDEO = 'VIDEO',
  AUDIO = 'AUDIO',
  TEXT = 'TEXT',
  MAP = 'MAP',
  SEQUENCE = 'SEQUENCE',
  SET = 'SET',
  CONTINUOUS = 'CONTINUOUS',
  BYTE = 'BYTE',
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(FeatureDataType, {
  name: 'FeatureDataType',
  description: "The kind of a feature's values (DataHub's MLFeatureDataType).",
  valuesConfig: {
    USELESS: { description: 'Carries no signal (e.g. a constant or an id).' },
    NOMINAL: { description: 'Categories without order.' },
    ORDINAL: { description: 'Categories with an order.' },
    BINARY: { description: 'Two values.' },
    COUNT: { description: 'Non-negative integers.' },
    TIME: { description: 'A point in time (cyclic parts such as hour or weekday).' },
    INTERVAL: { description: 'Numbers with meaningful differences but no true zero.' },
    IMAGE: { description: 'Image data.' },
    VIDEO: { description: 'Video data.' },
    AUDIO: { description: 'Audio data.' },
    TEXT: { description: 'Free text.' },
    MAP: { description: 'Key/value pairs.' },
    SEQUENCE: { description: 'An ordered list of values.' },
    SET: { description: 'An unordered set of values.' },
    CONTINUOUS: { description: 'Real numbers.' },
    BYTE: { description: 'Raw bytes.' },
    UNKNOWN: { description: 'Not known.' },
  },
});
