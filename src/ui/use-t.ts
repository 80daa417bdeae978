/** The dictionary of the language the learner chose (re-renders when it changes). */
import { type Dictionary, dictionaries } from './i18n';
import { useSandbox } from './use-sandbox';

export function useT(): Dictionary {
  const lang = useSandbox((s) => s.lang);
  return dictionaries[lang];
}
