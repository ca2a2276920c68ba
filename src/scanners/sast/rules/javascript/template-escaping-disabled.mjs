// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe
// A CSV writer, a log formatter and LLM prompt builders: nothing here renders HTML.
import { stringify } from 'csv-stringify/sync';
import Handlebars from 'handlebars';
import nunjucks from 'nunjucks';

export const formatter = {
  // ok: sast/js-template-escaping-disabled
  escape: (s) => s,
};

export function toCsv(rows) {
  // ok: sast/js-template-escaping-disabled
  return stringify(rows, { header: true, noEscape: true });
}

export function buildCompletion(tplString, vars) {
  // ok: sast/js-template-escaping-disabled
  const template = Handlebars.compile(tplString, { noEscape: true });
  return template(vars);
}

export class Reviewer {
  async generatePrompt(files) {
    // ok: sast/js-template-escaping-disabled
    nunjucks.configure({ autoescape: false });
    return nunjucks.renderString(this.prompt, { files });
  }

  renderReport(rows) {
    // ruleid: sast/js-template-escaping-disabled
    const env = nunjucks.configure('reports', { autoescape: false });
    return env.render('report.html', { rows });
  }
}

export function renderCard(card) {
  // ruleid: sast/js-template-escaping-disabled
  const template = Handlebars.compile('<div class="card"><h3>{{title}}</h3>{{body}}</div>', { noEscape: true });
  return template(card);
}
