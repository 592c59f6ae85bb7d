import { readdirSync } from 'node:fs';
import { loadGoldFile } from '../../../src/eval/gold';
import { predictPage } from '../../../src/eval/predict';
import { scorePage, scorePages } from '../../../src/eval/score';
import { formatReport } from '../../../src/eval/report';
import { oracleBatch } from './builders';

test('oracle on dev', () => {
  const dir = '/work/shared/eval/dev/';
  const pages = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => {
    const gold = loadGoldFile(dir + f);
    return scorePage({ gold, predicted: predictPage(oracleBatch(gold)) });
  });
  console.log(formatReport({ score: scorePages(pages), verbose: true }));
});
