import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readBatchFile } from '../../../src/cli/ingest/batch-file';
import { parseFieldPath } from '../../../src/cli/ingest/send';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlgraph-batch-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

describe('batch files', () => {
  it('read every YAML document and say on which line a field is written', () => {
    const file = write(
      'two.yaml',
      ['datasets:', '  - platform: s3', '    name: a', '---', 'models:', '  - platform: mlflow', '    name: m', '    env: DEV', ''].join('\n'),
    );
    const batch = readBatchFile(file);
    expect(batch.items.map((i) => [i.list, i.origin.doc, i.origin.index])).toEqual([
      ['datasets', 0, 0],
      ['models', 1, 0],
    ]);
    expect(batch.locate(1, ['models', 0, 'env'])).toBe(`${file}:8:5`);
    // A field that is not there: the nearest thing that is (the item).
    expect(batch.locate(0, ['datasets', 0, 'upstreams'])).toBe(`${file}:2:5`);
  });

  it('read JSON fast and still place a path in it', () => {
    const file = write('b.json', '{\n  "datasets": [\n    { "platform": "s3",\n      "name": "x" }\n  ]\n}\n');
    const batch = readBatchFile(file);
    expect(batch.items).toHaveLength(1);
    expect(batch.locate(0, ['datasets', 0, 'name'])).toBe(`${file}:4:7`);
  });

  it.each([
    ['syntax.yaml', 'datasets:\n  - platform: s3\n   name: x\n', /syntax\.yaml:3:\d+: /],
    ['bad.json', '{\n  "datasets": [],\n}', /bad\.json:3: not valid JSON/],
    ['list.yaml', 'notebooks: []\n', /list\.yaml:1:1: unknown list "notebooks"/],
    ['shape.yaml', 'datasets:\n  - just-a-string\n', /shape\.yaml:2:5: each of "datasets" must be an object/],
  ])('refuse %s with its place', (name, text, message) => {
    const file = write(name, text);
    expect(() => readBatchFile(file)).toThrow(message);
  });

  it('read server field paths in both spellings', () => {
    expect(parseFieldPath('batch.models.3.name')).toEqual(['models', 3, 'name']);
    expect(parseFieldPath('batch.models[3].env')).toEqual(['models', 3, 'env']);
    expect(parseFieldPath('input.name')).toBeNull();
  });
});
