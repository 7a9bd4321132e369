#!/usr/bin/env node
// Entry point of `helm-sql`: registers the TypeScript loader (tsx), then runs pipelines/sql.ts.
import { register } from 'tsx/esm/api';

register();
await import('./sql.ts');
