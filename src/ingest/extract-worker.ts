/** Worker thread of the extract pool (extract-pool.ts): runs preparePage for each message. */
import { parentPort } from 'node:worker_threads';
import { preparePage, type PageTask } from './prepare-page';

parentPort?.on('message', (message: { id: number; task: PageTask }) => {
  parentPort?.postMessage({ id: message.id, result: preparePage(message.task) });
});
