// The page's words in English and Chinese, and which language is showing (remembered in localStorage).

const STRINGS = {
  en: {
    skip: 'Skip to results',
    home: 'Home',
    switchTo: '中文',
    switchLabel: '切换到中文',
    searchLabel: 'Search the literature',
    placeholder: 'Search in English or 中文 — press / to focus',
    hint: 'Results update as you type. Press the down arrow to move to the results.',
    loading: 'Loading',
    suggestions: 'Suggestions',
    complete: 'Complete:',
    kind_title: 'title word',
    kind_term: 'word',
    kind_journal: 'journal',
    filters: 'Filters',
    refine: 'Refine',
    sortLabel: 'Sort',
    sortRelevance: 'Relevance',
    sortDate: 'Newest',
    sortCitations: 'Most cited',
    sortIf: 'Impact factor',
    export: 'Export',
    exportLabel: 'Export',
    pages: 'Pages',
    close: 'Close',
    keys: 'Keys:',
    keySearch: 'search',
    keyMove: 'move',
    keyOpen: 'open',
    keyClose: 'close',
    facet_year: 'Year',
    facet_journal: 'Journal',
    facet_jcr: 'JCR quartile',
    facet_category: 'Category',
    facet_lang: 'Language',
    lang_zh: 'Chinese',
    lang_en: 'English',
    removeFilter: 'Remove filter {name}: {value}',
    clearFilters: 'Clear all filters',
    addFilter: 'Filter by {name}: {value} ({count} results)',
    results: '{total} results',
    resultsAbout: 'About {total} results',
    result1: '1 result',
    showing: 'showing {from}–{to}',
    took: '{ms} ms',
    didYouMean: 'Did you mean',
    expanded: 'Also searched in the other language:',
    welcomeTitle: 'Search biomedical literature in Chinese and English',
    welcomeText: 'Type a topic, a gene, a drug or an author in either language — results appear as you type. Try:',
    noResults: 'No results for “{q}”.',
    noResultsFiltered: 'No results with these filters.',
    noResultsTips: 'Check the spelling, use fewer or more general words, or remove a filter.',
    errorTitle: 'The search could not be run.',
    retry: 'Try again',
    networkError: 'The server did not answer. Is duet-serve running?',
    previous: 'Previous',
    next: 'Next',
    pageN: 'Page {n}',
    openRecord: 'Open the full record',
    authorsMore: '{first} et al.',
    impactFactor: 'IF {value}',
    citations: '{n} citations',
    citation1: '1 citation',
    recordLoading: 'Loading the record…',
    recordMissing: 'This record is no longer in the index.',
    similar: 'Similar records',
    abstract: 'Abstract',
    abstractZh: 'Chinese abstract',
    keywords: 'Keywords',
    fullText: 'Full text',
    references: 'References',
    journalInfo: 'About the journal',
    published: 'Published',
    volume: 'Vol. {v}',
    pagesRange: 'pp. {p}',
    links: 'Links',
    pdf: 'PDF',
    landing: 'Publisher page',
    untitled: '(untitled)',
  },
  zh: {
    skip: '跳到结果',
    home: '首页',
    switchTo: 'English',
    switchLabel: 'Switch to English',
    searchLabel: '检索文献',
    placeholder: '输入中文或英文检索词 — 按 / 聚焦',
    hint: '输入时结果即时更新。按向下方向键移到结果。',
    loading: '加载中',
    suggestions: '补全建议',
    complete: '补全：',
    kind_title: '标题词',
    kind_term: '词',
    kind_journal: '期刊',
    filters: '筛选',
    refine: '精炼结果',
    sortLabel: '排序',
    sortRelevance: '相关度',
    sortDate: '最新',
    sortCitations: '被引最多',
    sortIf: '影响因子',
    export: '导出',
    exportLabel: '导出',
    pages: '分页',
    close: '关闭',
    keys: '快捷键：',
    keySearch: '检索',
    keyMove: '移动',
    keyOpen: '打开',
    keyClose: '关闭',
    facet_year: '年份',
    facet_journal: '期刊',
    facet_jcr: 'JCR 分区',
    facet_category: '学科',
    facet_lang: '语言',
    lang_zh: '中文',
    lang_en: '英文',
    removeFilter: '移除筛选 {name}：{value}',
    clearFilters: '清除全部筛选',
    addFilter: '按{name}筛选：{value}（{count} 条）',
    results: '共 {total} 条结果',
    resultsAbout: '约 {total} 条结果',
    result1: '共 1 条结果',
    showing: '第 {from}–{to} 条',
    took: '{ms} 毫秒',
    didYouMean: '您是不是要找',
    expanded: '同时检索了另一种语言的词：',
    welcomeTitle: '中英文双语检索生物医学文献',
    welcomeText: '输入主题、基因、药物或作者（中文或英文均可），结果随输入即时出现。试试：',
    noResults: '没有找到与“{q}”相关的结果。',
    noResultsFiltered: '在当前筛选条件下没有结果。',
    noResultsTips: '请检查拼写，换用更少或更通用的词，或移除筛选条件。',
    errorTitle: '检索未能完成。',
    retry: '重试',
    networkError: '服务器没有响应。duet-serve 是否在运行？',
    previous: '上一页',
    next: '下一页',
    pageN: '第 {n} 页',
    openRecord: '打开完整记录',
    authorsMore: '{first} 等',
    impactFactor: 'IF {value}',
    citations: '被引 {n} 次',
    citation1: '被引 1 次',
    recordLoading: '正在加载记录…',
    recordMissing: '索引中已没有这条记录。',
    similar: '相似文献',
    abstract: '摘要',
    abstractZh: '中文摘要',
    keywords: '关键词',
    fullText: '全文',
    references: '参考文献',
    journalInfo: '期刊介绍',
    published: '发表',
    volume: '第 {v} 卷',
    pagesRange: '第 {p} 页',
    links: '链接',
    pdf: 'PDF',
    landing: '出版商页面',
    untitled: '（无标题）',
  },
};

const KEY = 'duet.lang';
let current = initial();

function initial() {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'en' || saved === 'zh') return saved;
  } catch (e) {
    // Storage can be disabled; the browser's language still decides.
  }
  return (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The language showing: 'en' or 'zh'. */
export function language() {
  return current;
}

/** Switches the page's language and remembers the choice. */
export function setLanguage(lang) {
  current = lang === 'zh' ? 'zh' : 'en';
  try {
    localStorage.setItem(KEY, current);
  } catch (e) {
    // Not remembered, but still switched.
  }
  applyStatic();
}

/** The string `key` in the current language with {name} placeholders filled from `vars`. */
export function t(key, vars = {}) {
  const text = STRINGS[current][key] ?? STRINGS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
}

/** Numbers as the language writes them (1,234). */
export function number(n) {
  return new Intl.NumberFormat(current === 'zh' ? 'zh-CN' : 'en').format(n);
}

/** Fills the static page's data-i18n* attributes in the current language. */
export function applyStatic() {
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of document.querySelectorAll('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  for (const el of document.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  const toggle = document.getElementById('lang-toggle');
  toggle.textContent = t('switchTo');
  toggle.lang = current === 'zh' ? 'en' : 'zh';
  toggle.setAttribute('aria-label', t('switchLabel'));
}
