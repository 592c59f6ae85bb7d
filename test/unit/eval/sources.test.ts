import { parseSources } from '../../../src/eval/sources';
import { EvalInputError } from '../../../src/eval/inputs';

describe('parseSources', () => {
  it('reads document and site per row, skipping the header and blank lines', () => {
    const text = 'document\tsource URL\theadline\nab-01\thttp://www.paper.example.cn/x/1.html\t标题\n\nab-02.txt\thttps://m.paper.example.cn/y\t\n';
    expect(parseSources(text, 'SOURCES.tsv')).toEqual([
      { document: 'ab-01', url: 'http://www.paper.example.cn/x/1.html', site: 'paper.example.cn' },
      { document: 'ab-02', url: 'https://m.paper.example.cn/y', site: 'm.paper.example.cn' },
    ]);
  });

  it('names the file and line of a row without a URL', () => {
    expect(() => parseSources('document\tsource URL\nab-01\n', 'gold/SOURCES.tsv')).toThrow(EvalInputError);
    expect(() => parseSources('document\tsource URL\nab-01\n', 'gold/SOURCES.tsv')).toThrow('gold/SOURCES.tsv: line 2');
  });
});
