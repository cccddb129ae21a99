/* The page language and the interface words. The words are those of templates/strings/<language>.json under
   "player." (the prefix dropped): the writer puts the module languages' in TEQUIO_DATA.strings. */
const languages = module.languages.slice().sort((a, b) => (a !== 'es') - (b !== 'es'));
const interfaceTexts = bundleData.strings || {};
let lang = languages.includes(saved.lang) ? saved.lang : module.languages[0], numberFormat = null;
/* t('unitOf', 2, 5): the text of a key in the page language, {0}, {1}… filled; a missing key shows as itself */
function t(key, ...args) {
  const text = (interfaceTexts[lang] || {})[key];
  return (text == null ? key : text).replace(/\{(\d)\}/g, (_, i) => args[i]);
}
/* [text, its language] of a localized value: the page language's, else the module's first, else any */
function localize(values) {
  if (values) for (const l of [lang].concat(module.languages, Object.keys(values))) {
    if (values[l] != null) return [values[l], l];
  }
}
const localText = values => (localize(values) || [''])[0];
const formatNumber = n => (numberFormat = numberFormat || new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }))
  .format(n);
function displayName(code, type, inLanguage) {
  try {
    const name = new Intl.DisplayNames([inLanguage], { type }).of(code);
    return name[0].toUpperCase() + name.slice(1);
  } catch {
    return code;
  }
}
