// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Dockerfile words with ${VAR}, not templates
import { describe, expect, it } from 'vitest';
import { processWord, processWords } from './shell-lex';

describe('shell-word expansion (buildkit shell.Lex)', () => {
  const env = ['A=1', 'EMPTY=', 'W=two words'];
  it('expands variables and removes quotes', () => {
    expect(processWord('$A ${A} "${A}" \'$A\' \\$A', env)).toBe("1 1 1 $A $A");
    expect(processWord('${NOPE:-x} ${EMPTY:-y} ${A:+set} ${NOPE:+no}', env)).toBe('x y set ');
    expect(processWord('"0.1"', env)).toBe('0.1');
    expect(processWords('$W "a b"', env)).toEqual(['two', 'words', 'a b']);
  });
  it('fails like buildkit', () => {
    expect(() => processWord('${NOPE:?must be set}', env)).toThrow('failed to process "${NOPE:?must be set}": NOPE: must be set');
    expect(() => processWord('${A', env)).toThrow("missing ':' in substitution");
    expect(() => processWord('${', env)).toThrow("syntax error: missing '}'");
  });
});
