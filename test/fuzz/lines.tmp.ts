import { Rng } from './rng';
import { pickLine } from './session-run';
const seed = Number(process.argv[2]); const upto = Number(process.argv[3]);
const r = new Rng(seed);
for (let n = 0; n <= upto; n++) { const l = pickLine(r, n); console.log(n, l.kind, JSON.stringify(l.line).slice(0, 200), l.inputs ? JSON.stringify(l.inputs).slice(0,100) : ''); }
