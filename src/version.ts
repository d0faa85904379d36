import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './config';

/** The version in package.json. */
export const MLGRAPH_VERSION: string = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')).version;
