/**
 * Stack-trace frames in response text. Each pattern starts with a literal (`at `, `File "`,
 * `.rb:`) and uses bounded runs that stop at the next delimiter, so counting stays linear on
 * hostile bodies.
 */

export interface TraceMatch {
  language: string;
  frames: number;
  /** Index of the first frame in the text. */
  index: number;
  /** The first frame as matched. */
  first: string;
}

const MAX_COUNT = 50;

interface Counted {
  n: number;
  index: number;
  first: string;
}

function count(text: string, re: RegExp): Counted {
  const out: Counted = { n: 0, index: -1, first: '' };
  re.lastIndex = 0;
  for (let m = re.exec(text); m && out.n < MAX_COUNT; m = re.exec(text)) {
    if (out.n === 0) {
      out.index = m.index;
      out.first = m[0];
    }
    out.n++;
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

const JAVA =
  /\bat [\w$]{1,100}(?:[./][\w$<>-]{1,100}){1,40}\((?:[\w$-]{1,100}\.(?:java|kt|scala|groovy|clj):\d{1,6}|Native Method|Unknown Source)\)/g;
/** .NET frames with their source position (debug builds) or their IL offset (YSOD). */
const DOTNET_LINE =
  /\bat [\w.`<>[\],+]{1,300}\([^()\n]{0,300}\) in (?:[A-Za-z]:)?[^\n:]{1,300}:line \d{1,6}/g;
const DOTNET_OFFSET = /\b[A-Z][\w`]{0,100}(?:\.[\w`<>]{1,100}){2,40}\([^()\n]{0,300}\) \+\d{1,6}/g;
const DOTNET_FRAME = /\bat (?:System|Microsoft)\.[\w.`<>[\],+]{1,300}\(/g;
const DOTNET_EXCEPTION = /\b(?:System|Microsoft)\.[\w.]{0,100}Exception\b/;
const NODE =
  /\bat (?:async )?(?:new )?(?:[^\s()]{1,200} (?:\[as [^\]\n]{1,100}\] )?)?\(?(?:\/|[A-Za-z]:\\|file:\/\/|node:)[^\s()]{1,400}?:\d{1,7}:\d{1,7}\)?/g;
const PYTHON_HEADER = /Traceback \(most recent call last\):/;
const PYTHON = /File "[^"\n]{1,500}", line \d{1,7}/g;
const RUBY = /\.rb:\d{1,7}:in [`'‘]/g;
const GO_HEADER = /goroutine \d{1,10} \[[a-z ]{1,40}\]:/;
const GO = /\.go:\d{1,7} \+0x[0-9a-f]{1,16}/g;
const PHP_FRAME = /#\d{1,4} (?:\S{1,300}?\.php\(\d{1,7}\)|\[internal function\]): /g;
const PHP_ERROR_START =
  /\b(?:Fatal error|Parse error|Catchable fatal error|Warning|Notice|Deprecated)\s{0,4}:\s/g;
const PHP_LOCATION = /\sin\s+\S{1,300}?\.php(?::\d{1,7}|\s+on\s+line\s+\d{1,7})/;

/** PHP prints one error line, not frames: the message, the script's path and its line. */
function phpError(text: string): Counted {
  const out: Counted = { n: 0, index: -1, first: '' };
  PHP_ERROR_START.lastIndex = 0;
  for (
    let m = PHP_ERROR_START.exec(text), tries = 0;
    m && tries < 50;
    m = PHP_ERROR_START.exec(text), tries++
  ) {
    const end = text.indexOf('\n', m.index);
    const line = text.slice(m.index, Math.min(end < 0 ? text.length : end, m.index + 600));
    if (PHP_LOCATION.test(line)) {
      if (out.n === 0) {
        out.index = m.index;
        out.first = line;
      }
      out.n++;
    }
  }
  return out;
}

/**
 * The most convincing trace in `text`, or undefined. One frame is not a trace: documentation
 * quotes single lines; a real trace has several frames, or a Python/Go header with frames,
 * or (PHP) a complete error line naming the script and line.
 */
export function findTrace(text: string): TraceMatch | undefined {
  const candidates: TraceMatch[] = [];
  const add = (language: string, c: Counted, min: number) => {
    if (c.n >= min) candidates.push({ language, frames: c.n, index: c.index, first: c.first });
  };
  add('Java', count(text, JAVA), 2);
  // Framework frames carry no source position in release builds: they count next to a frame
  // that has one, or next to a System.*Exception name.
  const dotnetLine = count(text, DOTNET_LINE);
  const dotnetFramework = count(text, DOTNET_FRAME);
  if (dotnetLine.n >= 1) add('.NET', { ...dotnetLine, n: dotnetLine.n + dotnetFramework.n }, 2);
  else if (DOTNET_EXCEPTION.test(text)) add('.NET', dotnetFramework, 2);
  add('.NET', count(text, DOTNET_OFFSET), 2);
  add('Node.js', count(text, NODE), 2);
  const python = count(text, PYTHON);
  add('Python', python, PYTHON_HEADER.test(text) ? 1 : 2);
  add('Ruby', count(text, RUBY), 2);
  if (GO_HEADER.test(text)) add('Go', count(text, GO), 1);
  add('PHP', count(text, PHP_FRAME), 2);
  add('PHP', phpError(text), 1);
  return candidates.sort((a, b) => b.frames - a.frames)[0];
}

const CODE_BLOCK = /<(pre|code|samp|kbd|xmp)\b/gi;

/**
 * The HTML without the content of its code blocks, where documentation quotes traces. Scans
 * with indexOf rather than a lazy regex, which would be quadratic on unclosed blocks.
 */
export function withoutCodeBlocks(html: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let from = 0;
  CODE_BLOCK.lastIndex = 0;
  for (let m = CODE_BLOCK.exec(html); m; m = CODE_BLOCK.exec(html)) {
    const close = lower.indexOf(`</${m[1]!.toLowerCase()}`, CODE_BLOCK.lastIndex);
    out += html.slice(from, m.index);
    if (close < 0) return out;
    from = close;
    CODE_BLOCK.lastIndex = close + 2;
  }
  return out + html.slice(from);
}
