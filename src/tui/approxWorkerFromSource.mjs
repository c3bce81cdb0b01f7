// Worker entry used only when wordflow runs from its TypeScript sources
// (tests, `tsx`): a worker thread does not inherit the parent's loader, so
// this registers tsx in the thread and then loads the real worker. Built
// code (dist/) starts approxWorker.js directly and never loads this.
import { register } from 'tsx/esm/api';

register();
await import('./approxWorker.ts');
