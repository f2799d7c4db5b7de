#!/usr/bin/env node
// Generates the QazTech demo data set: state bodies, role groups and people
// (Backstage Group/User entities), the state information systems (System
// entities with a `spec.registry` block, see /work/shared/DOMAIN.md) and the
// same systems as a national register export (JSON and CSV).
//
// Writes, relative to the repository root:
//   examples/org/state-bodies.yaml                    Group: state bodies and their parent
//   examples/org/roles.yaml                           Group: QazTech role groups
//   examples/org/people.yaml                          User:  demo people
//   examples/systems/state-information-systems.yaml   System: the register
//   examples/register/national-register.json          register export, JSON
//   examples/register/national-register.csv           register export, CSV (RFC 4180)
//
// Re-run after editing the tables below:   node scripts/generate-demo-data.mjs
//
// The output is deterministic: every "random" choice comes from a PRNG seeded
// by the entity's own name, so adding a system does not reshuffle the others.
// The script throws (and writes nothing) if a БИН has a wrong check digit, an
// entity name is invalid, a reference dangles, a registry number or name
// repeats, or the data set no longer covers the demo scenarios.
// All organisations, people, systems and numbers are fictional.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const EXPORTED_AT = '2026-11-20T06:00:00Z';
// No event in the demo data may lie after this day (the export date).
const LAST_DATE = '2026-11-20';
const MORATORIUM_START = '2026-01-01';
const NATIONAL_MIGRATION_TARGET = '2026-09-30';
const EMAIL_DOMAIN = 'example.gov.kz';
const GIT_HOST = 'https://git.qaztech.gov.kz';

// ---------------------------------------------------------------------------
// Deterministic randomness

/** FNV-1a, 32 bit: a stable seed from a string. */
function hash32(text) {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32: small seeded PRNG returning floats in [0, 1). */
function prng(seedText) {
  let a = hash32(seedText);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (rnd, min, max) => min + Math.floor(rnd() * (max - min + 1));
const pick = (rnd, items) => items[Math.floor(rnd() * items.length)];

// ---------------------------------------------------------------------------
// Dates (plain calendar days, UTC, so no time zone can shift them)

const DAY_MS = 86_400_000;
const toDay = iso => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const fromDay = day => new Date(day * DAY_MS).toISOString().slice(0, 10);
const addDays = (iso, days) => fromDay(toDay(iso) + days);
const isIsoDate = s =>
  typeof s === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(s) &&
  fromDay(toDay(s)) === s;
const ruDate = iso => iso.split('-').reverse().join('.');

// ---------------------------------------------------------------------------
// БИН (business identification number), same check as ИИН

const BIN_WEIGHTS_1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const BIN_WEIGHTS_2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** Check digit for the first 11 digits, or null when none exists. */
function binCheckDigit(first11) {
  const digits = [...first11].map(Number);
  const sum = weights => digits.reduce((s, d, i) => s + d * weights[i], 0) % 11;
  let c = sum(BIN_WEIGHTS_1);
  if (c === 10) c = sum(BIN_WEIGHTS_2);
  return c === 10 ? null : c;
}

function isValidBin(bin) {
  if (typeof bin !== 'string' || !/^\d{12}$/.test(bin)) return false;
  return binCheckDigit(bin.slice(0, 11)) === Number(bin[11]);
}

/**
 * A realistic БИН: YYMM of registration, 4 (resident legal entity),
 * 0 (head organisation), a 5-digit sequence seeded by the organisation key,
 * check digit. Sequences without a check digit are skipped, as the
 * registration authority does.
 */
function makeBin(yymm, key) {
  let seq = hash32(`bin:${key}`) % 100000;
  for (;;) {
    const first11 = `${yymm}40${String(seq).padStart(5, '0')}`;
    const check = binCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
    seq = (seq + 1) % 100000;
  }
}

// ---------------------------------------------------------------------------
// Transliteration of Russian/Kazakh short names to entity names.
// A simple passport-style scheme; Kazakh letters map to their base Latin
// letter (ә→a, ғ→g, қ→k, ң→n, ө→o, ұ/ү→u, һ→h, і→i).

const TRANSLIT = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ә: 'a',
  ғ: 'g',
  қ: 'k',
  ң: 'n',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  і: 'i',
};

function slugify(text) {
  const latin = [...text.toLowerCase()].map(ch => TRANSLIT[ch] ?? ch).join('');
  return latin
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

// ---------------------------------------------------------------------------
// Organisations

/**
 * State bodies and other register participants that own systems (Groups).
 * kind is the registry ownerKind of their systems; yymm seeds the БИН.
 */
const BODIES = [
  {
    name: 'mcriap',
    kind: 'state-body',
    yymm: '1907',
    title: 'МЦРИАП РК',
    full: 'Министерство цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан',
    description:
      'Уполномоченный орган в сфере информатизации и цифровизации; ведёт реестр информационных систем и политику платформы QazTech.',
  },
  {
    name: 'minfin',
    kind: 'state-body',
    yymm: '9812',
    title: 'Министерство финансов РК',
    full: 'Министерство финансов Республики Казахстан',
    description:
      'Государственные финансы, налоговое и таможенное администрирование, казначейство и государственные закупки.',
  },
  {
    name: 'minzdrav',
    kind: 'state-body',
    yymm: '9907',
    title: 'Министерство здравоохранения РК',
    full: 'Министерство здравоохранения Республики Казахстан',
    description:
      'Охрана здоровья граждан, медицинская помощь, лекарственное обеспечение и обязательное медицинское страхование.',
  },
  {
    name: 'minprosv',
    kind: 'state-body',
    yymm: '2206',
    title: 'Министерство просвещения РК',
    full: 'Министерство просвещения Республики Казахстан',
    description:
      'Дошкольное, среднее и техническое и профессиональное образование, учёт обучающихся и педагогов.',
  },
  {
    name: 'mvd',
    kind: 'state-body',
    yymm: '9601',
    title: 'Министерство внутренних дел РК',
    full: 'Министерство внутренних дел Республики Казахстан',
    description:
      'Охрана общественного порядка, документирование и регистрация населения, миграционный контроль.',
  },
  {
    name: 'minjust',
    kind: 'state-body',
    yymm: '9702',
    title: 'Министерство юстиции РК',
    full: 'Министерство юстиции Республики Казахстан',
    description:
      'Регистрация юридических лиц и прав на недвижимость, нотариат, записи актов гражданского состояния, исполнительное производство.',
  },
  {
    name: 'mintrud',
    kind: 'state-body',
    yymm: '9905',
    title: 'Министерство труда и социальной защиты населения РК',
    full: 'Министерство труда и социальной защиты населения Республики Казахстан',
    description:
      'Занятость, трудовые отношения, социальная помощь и поддержка лиц с инвалидностью.',
  },
  {
    name: 'minekonomiki',
    kind: 'state-body',
    yymm: '1409',
    title: 'Министерство национальной экономики РК',
    full: 'Министерство национальной экономики Республики Казахстан',
    description:
      'Экономическая и бюджетная политика, прогнозирование, мониторинг цен.',
  },
  {
    name: 'minselkhoz',
    kind: 'state-body',
    yymm: '9803',
    title: 'Министерство сельского хозяйства РК',
    full: 'Министерство сельского хозяйства Республики Казахстан',
    description:
      'Агропромышленный комплекс, субсидирование, ветеринария и земельные ресурсы сельскохозяйственного назначения.',
  },
  {
    name: 'minenergo',
    kind: 'state-body',
    yymm: '1408',
    title: 'Министерство энергетики РК',
    full: 'Министерство энергетики Республики Казахстан',
    description:
      'Нефтегазовая отрасль, электроэнергетика и недропользование по углеводородам.',
  },
  {
    name: 'minekologii',
    kind: 'state-body',
    yymm: '1907',
    title: 'Министерство экологии и природных ресурсов РК',
    full: 'Министерство экологии и природных ресурсов Республики Казахстан',
    description:
      'Охрана окружающей среды, экологический мониторинг, лесное и водное хозяйство.',
  },
  {
    name: 'mchs',
    kind: 'state-body',
    yymm: '2010',
    title: 'Министерство по чрезвычайным ситуациям РК',
    full: 'Министерство по чрезвычайным ситуациям Республики Казахстан',
    description:
      'Предупреждение и ликвидация чрезвычайных ситуаций, гражданская оборона, промышленная и пожарная безопасность.',
  },
  {
    name: 'vap',
    kind: 'state-body',
    yymm: '2212',
    title: 'Высшая аудиторская палата РК',
    full: 'Высшая аудиторская палата Республики Казахстан',
    description:
      'Внешний государственный аудит и финансовый контроль исполнения республиканского бюджета.',
  },
  {
    name: 'akimat-almaty',
    kind: 'local-executive-body',
    yymm: '9901',
    title: 'Акимат города Алматы',
    full: 'Коммунальное государственное учреждение «Аппарат акима города Алматы»',
    description:
      'Местный исполнительный орган города Алматы: городские услуги, транспорт, безопасность и обращения жителей.',
  },
  {
    name: 'akimat-astana',
    kind: 'local-executive-body',
    yymm: '9805',
    title: 'Акимат города Астаны',
    full: 'Коммунальное государственное учреждение «Аппарат акима города Астаны»',
    description:
      'Местный исполнительный орган столицы: земельные отношения, транспорт, жилищно-коммунальное хозяйство.',
  },
  {
    name: 'nitec',
    kind: 'quasi-state-organisation',
    yymm: '0003',
    title: 'АО «Национальные информационные технологии»',
    full: 'Акционерное общество «Национальные информационные технологии»',
    description:
      'Национальный оператор в сфере информатизации: эксплуатирует платформу QazTech, шлюз и портал «электронного правительства».',
  },
  {
    name: 'gov4c',
    kind: 'quasi-state-organisation',
    yymm: '1603',
    title: 'Госкорпорация «Правительство для граждан»',
    full: 'Некоммерческое акционерное общество «Государственная корпорация «Правительство для граждан»',
    description:
      'Оказание государственных услуг через центры обслуживания населения, назначение пенсий и пособий.',
  },
  {
    name: 'gts',
    kind: 'state-legal-entity',
    yymm: '0901',
    title: 'РГП «Государственная техническая служба»',
    full: 'Республиканское государственное предприятие на праве хозяйственного ведения «Государственная техническая служба»',
    description:
      'Испытания объектов информатизации на соответствие требованиям информационной безопасности, национальный координационный центр ИБ.',
  },
  {
    name: 'rcez',
    kind: 'state-legal-entity',
    yymm: '1504',
    title: 'РГП «Республиканский центр электронного здравоохранения»',
    full: 'Республиканское государственное предприятие на праве хозяйственного ведения «Республиканский центр электронного здравоохранения» Министерства здравоохранения Республики Казахстан',
    description:
      'Оператор информационных систем здравоохранения: электронные паспорта здоровья, регистры прикреплённого населения, лабораторные данные.',
  },
  {
    name: 'kepil-data',
    kind: 'non-state-integrated',
    yymm: '0405',
    title: 'АО «Кредитное бюро «Кепіл Дата»',
    full: 'Акционерное общество «Кредитное бюро «Кепіл Дата»',
    description:
      'Негосударственное кредитное бюро, чья система интегрирована с государственными базами данных через шлюз «электронного правительства».',
  },
];

/** Operators and contractors that appear only as registry parties. */
const CONTRACTORS = [
  { key: 'alatau-data', yymm: '1106', name: 'ТОО «Алатау Дата Лаб»' },
  { key: 'kaspiy-soft', yymm: '0810', name: 'ТОО «Каспий Софт Системс»' },
  { key: 'saryarka-it', yymm: '1302', name: 'ТОО «Сарыарка ИТ-Сервис»' },
  { key: 'esil-integrator', yymm: '1511', name: 'ТОО «Есиль Интегратор»' },
  { key: 'turan-engineering', yymm: '0704', name: 'ТОО «Туран Инжиниринг»' },
  { key: 'nomad-digital', yymm: '1809', name: 'ТОО «Номад Диджитал Солюшнс»' },
  { key: 'zhetysu-inform', yymm: '1003', name: 'ТОО «Жетысу Информ»' },
  {
    key: 'almaty-digital',
    yymm: '1912',
    name: 'КГП на ПХВ «Цифровой город Алматы»',
  },
];

/** Contractors a state body may hire as developer (the state operator too). */
const DEVELOPER_POOL = [
  'alatau-data',
  'kaspiy-soft',
  'saryarka-it',
  'esil-integrator',
  'turan-engineering',
  'nomad-digital',
  'zhetysu-inform',
  'nitec',
];

/** Security operations centre providers (ОЦИБ). */
const SOC_PROVIDERS = [
  'ОЦИБ АО «Национальные информационные технологии»',
  'ОЦИБ ТОО «Кибер Қорған»',
  'ОЦИБ ТОО «Дала Секьюрити Оперейшнс»',
];

function buildParties() {
  const parties = new Map();
  for (const b of BODIES) {
    parties.set(b.name, { name: b.full, bin: makeBin(b.yymm, b.name) });
  }
  for (const c of CONTRACTORS) {
    parties.set(c.key, { name: c.name, bin: makeBin(c.yymm, c.key) });
  }
  return parties;
}

// ---------------------------------------------------------------------------
// Roles and people

const ROLES = [
  [
    'qaztech-developers',
    'Разработчики государственных информационных систем',
    'Команды госорганов и подрядчиков: создают сервисы на платформе, ведут записи реестра, готовят заявки на исключения.',
  ],
  [
    'qaztech-digital-heads',
    'Руководители цифровизации госорганов',
    'Подписывают и вносят заявки своего органа на исключение из моратория, отвечают за реестр систем органа.',
  ],
  [
    'qaztech-platform-architects',
    'Архитекторы платформы QazTech',
    'Дают заключение, можно ли реализовать запрошенную систему на платформе QazTech.',
  ],
  [
    'qaztech-commission-secretaries',
    'Секретари Комиссии по вопросам внедрения цифровизации',
    'Проверяют комплектность заявок, формируют повестку заседаний, фиксируют решения и номера протоколов.',
  ],
  [
    'qaztech-commission-members',
    'Члены Комиссии по вопросам внедрения цифровизации',
    'Изучают досье заявок и голосуют «за», «против» или «воздержался» с мнением; могут заявить самоотвод.',
  ],
  [
    'qaztech-security-officers',
    'Ответственные за информационную безопасность',
    'Рассматривают карты готовности, подтверждают ручные проверки, подписывают готовность систем и выдают отсрочки проверок.',
  ],
  [
    'qaztech-auditors',
    'Аудиторы',
    'Читают реестр и решения Комиссии, проверяют журнал аудита; доступ только на чтение.',
  ],
  [
    'qaztech-admins',
    'Администраторы портала',
    'Администрируют портал разработчика и конфигурацию процессов.',
  ],
];

/** [name, displayName, body, roles (without the qaztech- prefix)] */
const PEOPLE = [
  ['aidos.seitkali', 'Айдос Сейітқали', 'mcriap', ['developers']],
  ['dana.zhaksylykova', 'Дана Жаксылыкова', 'minfin', ['developers']],
  ['yerlan.tokhtarov', 'Ерлан Тохтаров', 'minzdrav', ['developers']],
  ['madina.kassymova', 'Мадина Касымова', 'akimat-almaty', ['developers']],
  ['asel.bekmukhambetova', 'Асель Бекмухамбетова', 'minfin', ['digital-heads']],
  ['nurlan.abenov', 'Нурлан Абенов', 'minzdrav', ['digital-heads']],
  ['zhanar.omarova', 'Жанар Омарова', 'minprosv', ['digital-heads']],
  ['bauyrzhan.iskakov', 'Бауыржан Искаков', 'akimat-almaty', ['digital-heads']],
  ['timur.zhunusov', 'Тимур Жунусов', 'nitec', ['platform-architects']],
  [
    'gulnara.akhmetova',
    'Гульнара Ахметова',
    'mcriap',
    ['commission-secretaries'],
  ],
  ['kairat.sadvakasov', 'Кайрат Садвакасов', 'mcriap', ['commission-members']],
  ['saule.zhaksybekova', 'Сәуле Жақсыбекова', 'minfin', ['commission-members']],
  ['marat.utepov', 'Марат Утепов', 'minekonomiki', ['commission-members']],
  ['aizhan.temirbayeva', 'Айжан Темирбаева', 'minjust', ['commission-members']],
  ['ruslan.mukanov', 'Руслан Муканов', 'nitec', ['commission-members']],
  [
    'aliya.nurpeisova',
    'Алия Нурпеисова',
    'akimat-astana',
    ['commission-members'],
  ],
  ['yerzhan.baizhanov', 'Ержан Байжанов', 'mcriap', ['security-officers']],
  ['arman.kenzhebekov', 'Арман Кенжебеков', 'gts', ['security-officers']],
  ['dinara.seitkazieva', 'Динара Сейтказиева', 'vap', ['auditors']],
  ['platform.admin', 'Администратор платформы QazTech', 'mcriap', ['admins']],
];

// Only two security officers exist: the ГТС officer covers bodies whose
// systems ГТС tests under its own supervision, the МЦРИАП officer the rest.
const GTS_SUPERVISED = new Set([
  'gts',
  'mvd',
  'minfin',
  'minenergo',
  'mchs',
  'minjust',
  'vap',
]);
const securityOfficerFor = owner =>
  GTS_SUPERVISED.has(owner) ? 'arman.kenzhebekov' : 'yerzhan.baizhanov';

// ---------------------------------------------------------------------------
// State information systems
//
// One row a system. `short` is the Russian short name the entity name is
// transliterated from. plat: on | legacy (off-platform, migrating; `mig` is
// the deadline) | off (off-platform without a plan: decommissioned or
// non-state) | exempt (`ex`: [decision number, decision date, expires]) |
// violation (created after the moratorium start, no exemption).
// `hist` lists the stage dates explicitly; otherwise they are derived.
// `integr` names other systems; a `direct:` prefix bypasses the bus (ШЭП).

const SYSTEMS = [
  // --- МЦРИАП
  {
    short: 'Портал электронного правительства',
    owner: 'mcriap',
    ru: 'Веб-портал «электронного правительства»',
    kk: '«Электрондық үкімет» веб-порталы',
    en: 'E-Government Web Portal',
    purpose:
      'Единая точка доступа граждан и бизнеса к государственным услугам и информации в электронной форме.',
    data: ['personal', 'financial'],
    tags: ['egov', 'portal', 'public-services'],
    stage: 'development',
    created: '2006-04-12',
    plat: 'on',
    crit: true,
    repo: true,
    act: ['resolution', '1076'],
    integr: ['pshep', 'gbd-fl', 'gbd-yul', 'direct:nuts'],
  },
  {
    short: 'ШЭП',
    owner: 'mcriap',
    ru: 'Шлюз «электронного правительства»',
    kk: '«Электрондық үкімет» шлюзі',
    en: 'E-Government Gateway (Service Bus)',
    purpose:
      'Защищённый обмен данными между государственными информационными системами и интеграция с негосударственными системами.',
    data: ['restricted-official', 'personal'],
    tags: ['egov', 'integration', 'service-bus'],
    stage: 'industrial-operation',
    created: '2008-09-03',
    plat: 'on',
    crit: true,
    repo: true,
    act: ['resolution', '845'],
    integr: ['direct:nuts'],
  },
  {
    short: 'ПШЭП',
    owner: 'mcriap',
    ru: 'Платёжный шлюз «электронного правительства»',
    kk: '«Электрондық үкіметтің» төлем шлюзі',
    en: 'E-Government Payment Gateway',
    purpose:
      'Приём платежей за государственные услуги, налогов и штрафов через банки второго уровня.',
    data: ['financial', 'personal'],
    tags: ['egov', 'payments'],
    stage: 'industrial-operation',
    created: '2009-02-16',
    plat: 'on',
    crit: true,
    repo: true,
    integr: ['kaznacheistvo-klient'],
  },
  {
    short: 'ГБД ФЛ',
    owner: 'mcriap',
    ru: 'Государственная база данных «Физические лица»',
    kk: '«Жеке тұлғалар» мемлекеттік деректер қоры',
    en: 'State Database of Individuals',
    purpose:
      'Эталонные сведения о физических лицах по ИИН для всех государственных информационных систем.',
    data: ['personal', 'biometric'],
    tags: ['state-database', 'iin', 'reference-data'],
    stage: 'industrial-operation',
    created: '2007-11-20',
    plat: 'legacy',
    mig: '2027-06-30',
    crit: true,
    host: 'state-operator-dc',
    act: ['resolution', '1231'],
    integr: ['dokumentirovanie-naseleniya', 'zags'],
  },
  {
    short: 'НУЦ',
    owner: 'mcriap',
    ru: 'Национальный удостоверяющий центр Республики Казахстан',
    kk: 'Қазақстан Республикасының Ұлттық куәландырушы орталығы',
    en: 'National Certification Authority',
    purpose:
      'Выпуск и обслуживание регистрационных свидетельств электронной цифровой подписи граждан и организаций.',
    data: ['personal', 'restricted-official'],
    tags: ['pki', 'digital-signature'],
    stage: 'industrial-operation',
    created: '2009-06-01',
    plat: 'legacy',
    mig: '2027-12-31',
    crit: true,
    host: 'state-operator-dc',
    integr: ['gbd-fl', 'gbd-yul'],
  },
  {
    short: 'Е-лицензирование',
    owner: 'mcriap',
    ru: 'Государственная база данных «Е-лицензирование»',
    kk: '«Е-лицензиялау» мемлекеттік деректер қоры',
    en: 'E-Licensing State Database',
    purpose:
      'Выдача разрешений и уведомлений в электронной форме и ведение реестра выданных лицензий.',
    data: ['personal', 'open'],
    tags: ['licensing', 'permits'],
    stage: 'industrial-operation',
    created: '2011-03-14',
    plat: 'legacy',
    mig: '2026-06-30',
    integr: ['gbd-yul', 'gbd-fl', 'pshep'],
  },
  {
    short: 'Открытые данные',
    owner: 'mcriap',
    ru: 'Интернет-портал открытых данных',
    kk: 'Ашық деректердің интернет-порталы',
    en: 'Open Data Portal',
    purpose:
      'Публикация открытых наборов данных государственных органов в машиночитаемом виде.',
    data: ['open'],
    tags: ['open-data', 'portal'],
    stage: 'industrial-operation',
    created: '2015-05-18',
    plat: 'on',
    repo: true,
    integr: ['e-statistika'],
  },
  {
    short: 'Е-Өтініш',
    owner: 'mcriap',
    ru: 'Информационная система «Е-Өтініш»',
    kk: '«Е-Өтініш» ақпараттық жүйесі',
    en: 'E-Otinish Citizens\u2019 Appeals System',
    purpose:
      'Приём и рассмотрение обращений физических и юридических лиц к государственным органам, контроль сроков ответа.',
    data: ['personal'],
    tags: ['appeals', 'citizens'],
    stage: 'industrial-operation',
    created: '2020-08-05',
    plat: 'legacy',
    mig: '2026-09-01',
    integr: ['gbd-fl', 'gbd-yul', 'esedo'],
  },
  {
    short: 'Цифровые документы',
    owner: 'mcriap',
    ru: 'Сервис цифровых документов',
    kk: 'Цифрлық құжаттар сервисі',
    en: 'Digital Documents Service',
    purpose:
      'Предъявление удостоверений личности и других документов в цифровом виде через мобильные приложения.',
    data: ['personal'],
    tags: ['mobile', 'documents'],
    stage: 'industrial-operation',
    created: '2020-12-10',
    plat: 'on',
    repo: true,
    integr: [
      'gbd-fl',
      'dokumentirovanie-naseleniya',
      'registratsiya-transportnykh-sredstv',
    ],
  },
  {
    short: 'Биометрическая идентификация',
    owner: 'mcriap',
    ru: 'Система удалённой биометрической идентификации',
    kk: 'Қашықтан биометриялық сәйкестендіру жүйесі',
    en: 'Remote Biometric Identification System',
    purpose:
      'Подтверждение личности гражданина по изображению лица при получении государственных услуг онлайн.',
    data: ['biometric', 'personal'],
    tags: ['biometrics', 'identity'],
    stage: 'pilot-operation',
    created: '2024-03-11',
    plat: 'on',
    crit: true,
    repo: true,
    integr: ['gbd-fl', 'dokumentirovanie-naseleniya'],
  },
  {
    short: 'ЕСЭДО',
    owner: 'mcriap',
    ru: 'Единая система электронного документооборота государственных органов',
    kk: 'Мемлекеттік органдардың электрондық құжат айналымының бірыңғай жүйесі',
    en: 'Unified Government Document Management System',
    purpose:
      'Электронный документооборот и межведомственная переписка государственных органов.',
    data: ['restricted-official'],
    tags: ['document-management', 'internal'],
    stage: 'industrial-operation',
    created: '2010-10-01',
    plat: 'legacy',
    mig: '2027-03-31',
    integr: ['direct:nuts'],
  },
  {
    short: 'Единый реестр цифровых систем',
    owner: 'mcriap',
    ru: 'Единый реестр цифровых систем',
    kk: 'Цифрлық жүйелердің бірыңғай тізілімі',
    en: 'Unified Register of Digital Systems',
    purpose:
      'Учёт цифровых систем государственных органов по Цифровому кодексу, статус переноса на платформу и решения Комиссии.',
    data: ['open', 'restricted-official'],
    tags: ['register', 'qaztech'],
    stage: 'creation',
    created: '2026-02-09',
    plat: 'on',
    repo: true,
    hist: ['2026-02-09', '2026-04-20'],
    integr: ['arkhitekturnyi-portal', 'monitoring-oi'],
  },
  {
    short: 'Цифровой ассистент госуслуг',
    owner: 'mcriap',
    ru: 'Цифровой ассистент государственных услуг',
    kk: 'Мемлекеттік қызметтердің цифрлық көмекшісі',
    en: 'Public Services Digital Assistant',
    purpose:
      'Диалоговый помощник, который подбирает государственные услуги по жизненной ситуации и помогает заполнить заявление.',
    data: ['personal'],
    tags: ['assistant', 'public-services'],
    stage: 'pilot-operation',
    created: '2026-01-19',
    plat: 'on',
    repo: true,
    hist: ['2026-01-19', '2026-03-02', '2026-09-14'],
    integr: ['portal-elektronnogo-pravitelstva', 'egov-mobile'],
  },

  // --- Министерство финансов
  {
    short: 'ИСНА',
    owner: 'minfin',
    ru: 'Интегрированная система налогового администрирования',
    kk: 'Салықтық әкімшілендірудің интеграцияланған жүйесі',
    en: 'Integrated Tax Administration System',
    purpose:
      'Учёт налогоплательщиков, исчисление и контроль уплаты налогов и других обязательных платежей в бюджет.',
    data: ['financial', 'personal'],
    tags: ['tax', 'revenue'],
    stage: 'development',
    created: '2012-07-02',
    plat: 'legacy',
    mig: '2027-12-31',
    crit: true,
    host: 'own',
    act: ['resolution', '889'],
    integr: ['gbd-fl', 'gbd-yul', 'esf', 'pshep'],
  },
  {
    short: 'Кабинет налогоплательщика',
    owner: 'minfin',
    ru: 'Кабинет налогоплательщика',
    kk: 'Салық төлеушінің кабинеті',
    en: 'Taxpayer Online Office',
    purpose:
      'Подача налоговой отчётности, получение уведомлений и сверка расчётов с бюджетом в электронной форме.',
    data: ['personal', 'financial'],
    tags: ['tax', 'portal'],
    stage: 'industrial-operation',
    created: '2014-01-20',
    plat: 'on',
    repo: true,
    integr: ['isna', 'pshep'],
  },
  {
    short: 'ЭСФ',
    owner: 'minfin',
    ru: 'Информационная система «Электронные счета-фактуры»',
    kk: '«Электрондық шот-фактуралар» ақпараттық жүйесі',
    en: 'Electronic Invoicing System',
    purpose:
      'Выписка, приём и хранение электронных счетов-фактур, учёт товаров в виртуальном складе.',
    data: ['financial'],
    tags: ['tax', 'invoicing'],
    stage: 'industrial-operation',
    created: '2015-06-11',
    plat: 'legacy',
    mig: '2026-09-30',
    host: 'own',
    integr: ['isna', 'gbd-yul'],
  },
  {
    short: 'Керуен',
    owner: 'minfin',
    ru: 'Интегрированная таможенная информационная система «Керуен»',
    kk: '«Керуен» интеграцияланған кедендік ақпараттық жүйесі',
    en: 'Keruen Integrated Customs Information System',
    purpose:
      'Электронное декларирование товаров, таможенный контроль и уплата таможенных платежей.',
    data: ['financial', 'restricted-official', 'personal'],
    tags: ['customs', 'trade'],
    stage: 'industrial-operation',
    created: '2017-04-24',
    plat: 'legacy',
    mig: '2027-12-31',
    crit: true,
    host: 'own',
    act: ['resolution', '214'],
    integr: ['isna', 'gbd-yul', 'esf', 'pshep'],
  },
  {
    short: 'Казначейство-Клиент',
    owner: 'minfin',
    ru: 'Информационная система «Казначейство-Клиент»',
    kk: '«Қазынашылық-Клиент» ақпараттық жүйесі',
    en: 'Treasury Client System',
    purpose:
      'Электронное взаимодействие органов казначейства с государственными учреждениями при исполнении бюджета.',
    data: ['financial'],
    tags: ['treasury', 'budget'],
    stage: 'industrial-operation',
    created: '2013-09-09',
    plat: 'legacy',
    mig: '2026-06-30',
    host: 'own',
    integr: ['byudzhetnoe-planirovanie'],
  },
  {
    short: 'Госзакупки',
    owner: 'minfin',
    ru: 'Веб-портал государственных закупок',
    kk: 'Мемлекеттік сатып алу веб-порталы',
    en: 'Public Procurement Portal',
    purpose:
      'Проведение государственных закупок в электронной форме и публикация планов, договоров и итогов.',
    data: ['financial', 'open'],
    tags: ['procurement', 'portal'],
    stage: 'development',
    created: '2010-02-01',
    plat: 'on',
    repo: true,
    integr: ['gbd-yul', 'kaznacheistvo-klient', 'direct:nuts'],
  },
  {
    short: 'Реестр госимущества',
    owner: 'minfin',
    ru: 'Реестр государственного имущества',
    kk: 'Мемлекеттік мүлік тізілімі',
    en: 'State Property Register',
    purpose:
      'Учёт государственного имущества, приватизации и доверительного управления.',
    data: ['financial', 'open'],
    tags: ['state-property'],
    stage: 'industrial-operation',
    created: '2011-12-05',
    plat: 'on',
    integr: ['gbd-rn', 'gbd-yul'],
  },
  {
    short: 'СУР ТК',
    owner: 'minfin',
    ru: 'Система управления рисками таможенного контроля',
    kk: 'Кедендік бақылау тәуекелдерін басқару жүйесі',
    en: 'Customs Control Risk Management System',
    purpose:
      'Автоматический отбор деклараций и грузов для таможенного контроля по профилям риска.',
    data: ['restricted-official', 'financial'],
    tags: ['customs', 'risk'],
    stage: 'creation',
    created: '2026-03-03',
    plat: 'exempt',
    host: 'own',
    ex: ['КВЦ-2026/04-2', '2026-04-15', '2027-04-15'],
    hist: ['2026-03-03', '2026-05-12'],
    integr: ['keruen', 'isna'],
  },

  // --- Министерство здравоохранения и РЦЭЗ
  {
    short: 'ЕИСЗ',
    owner: 'minzdrav',
    ru: 'Единая информационная система здравоохранения',
    kk: 'Денсаулық сақтаудың бірыңғай ақпараттық жүйесі',
    en: 'Unified Healthcare Information System',
    purpose:
      'Запись к врачу, электронные направления и рецепты, учёт оказанной медицинской помощи.',
    data: ['health', 'personal'],
    tags: ['health', 'ehealth'],
    stage: 'development',
    created: '2013-05-15',
    plat: 'legacy',
    mig: '2026-12-31',
    crit: true,
    operator: 'rcez',
    integr: [
      'gbd-fl',
      'elektronnyi-pasport-zdorovya',
      'registr-prikreplennogo-naseleniya',
      'osms',
    ],
  },
  {
    short: 'Лекарственное обеспечение',
    owner: 'minzdrav',
    ru: 'Информационная система лекарственного обеспечения',
    kk: 'Дәрілік заттармен қамтамасыз етудің ақпараттық жүйесі',
    en: 'Pharmaceutical Supply System',
    purpose:
      'Учёт бесплатного и льготного лекарственного обеспечения, закупа и движения лекарственных средств.',
    data: ['health', 'financial'],
    tags: ['health', 'pharmacy'],
    stage: 'industrial-operation',
    created: '2016-03-28',
    plat: 'on',
    operator: 'rcez',
    integr: ['eisz', 'osms'],
  },
  {
    short: 'ОСМС',
    owner: 'minzdrav',
    ru: 'Информационная система обязательного социального медицинского страхования',
    kk: 'Міндетті әлеуметтік медициналық сақтандыру ақпараттық жүйесі',
    en: 'Compulsory Social Health Insurance System',
    purpose:
      'Учёт статуса застрахованности, взносов и отчислений, оплаты медицинских услуг поставщикам.',
    data: ['financial', 'health', 'personal'],
    tags: ['health', 'insurance'],
    stage: 'industrial-operation',
    created: '2017-08-14',
    plat: 'legacy',
    mig: '2026-09-30',
    crit: true,
    integr: ['gbd-fl', 'isna', 'esutd'],
  },
  {
    short: 'Телемедицина',
    owner: 'minzdrav',
    ru: 'Платформа телемедицинских консультаций',
    kk: 'Телемедициналық консультациялар платформасы',
    en: 'Telemedicine Consultation Platform',
    purpose:
      'Дистанционные консультации пациентов сельских населённых пунктов с врачами областных и республиканских клиник.',
    data: ['health', 'personal'],
    tags: ['health', 'telemedicine'],
    stage: 'pilot-operation',
    created: '2026-01-22',
    plat: 'exempt',
    host: 'commercial',
    operator: 'rcez',
    ex: ['КВЦ-2026/02-5', '2026-02-26', '2026-10-31'],
    hist: ['2026-01-22', '2026-03-10', '2026-08-03'],
    integr: ['eisz', 'elektronnyi-pasport-zdorovya'],
  },
  {
    short: 'Электронный паспорт здоровья',
    owner: 'rcez',
    ru: 'Электронный паспорт здоровья',
    kk: 'Денсаулықтың электрондық паспорты',
    en: 'Electronic Health Record',
    purpose:
      'Хранение сведений о здоровье пациента, обращениях и результатах обследований на протяжении жизни.',
    data: ['health', 'personal'],
    tags: ['health', 'ehr'],
    stage: 'industrial-operation',
    created: '2018-02-19',
    plat: 'on',
    operator: 'rcez',
    repo: true,
    integr: ['gbd-fl', 'registr-prikreplennogo-naseleniya'],
  },
  {
    short: 'Регистр прикреплённого населения',
    owner: 'rcez',
    ru: 'Регистр прикреплённого населения',
    kk: 'Бекітілген халық тіркелімі',
    en: 'Register of Attached Population',
    purpose:
      'Учёт прикрепления граждан к организациям первичной медико-санитарной помощи.',
    data: ['health', 'personal'],
    tags: ['health', 'register'],
    stage: 'industrial-operation',
    created: '2012-11-06',
    plat: 'on',
    operator: 'rcez',
    integr: ['gbd-fl'],
  },
  {
    short: 'ЛИС',
    owner: 'rcez',
    ru: 'Лабораторная информационная система',
    kk: 'Зертханалық ақпараттық жүйе',
    en: 'Laboratory Information System',
    purpose:
      'Учёт лабораторных исследований и передача результатов в электронный паспорт здоровья.',
    data: ['health', 'personal'],
    tags: ['health', 'laboratory'],
    stage: 'decommissioned',
    created: '2014-04-01',
    plat: 'off',
    operator: 'rcez',
    integr: ['elektronnyi-pasport-zdorovya'],
  },

  // --- Министерство просвещения
  {
    short: 'НОБД',
    owner: 'minprosv',
    ru: 'Национальная образовательная база данных',
    kk: 'Ұлттық білім беру деректер қоры',
    en: 'National Education Database',
    purpose:
      'Учёт организаций образования, обучающихся и педагогов, формирование отчётности отрасли.',
    data: ['personal'],
    tags: ['education', 'statistics'],
    stage: 'industrial-operation',
    created: '2011-08-22',
    plat: 'legacy',
    mig: '2026-09-30',
    integr: ['gbd-fl', 'gbd-yul'],
  },
  {
    short: 'Цифровая школа',
    owner: 'minprosv',
    ru: 'Информационная система «Цифровая школа»',
    kk: '«Цифрлық мектеп» ақпараттық жүйесі',
    en: 'Digital School System',
    purpose:
      'Электронные журналы и дневники, расписание и учёт успеваемости в общеобразовательных школах.',
    data: ['personal'],
    tags: ['education', 'schools'],
    stage: 'industrial-operation',
    created: '2019-06-17',
    plat: 'on',
    repo: true,
    integr: ['nobd'],
  },
  {
    short: 'Очередь в детские сады',
    owner: 'minprosv',
    ru: 'Информационная система управления очередью в дошкольные организации',
    kk: 'Мектепке дейінгі ұйымдарға кезекті басқару ақпараттық жүйесі',
    en: 'Preschool Enrolment Queue System',
    purpose:
      'Постановка детей в очередь и выдача направлений в дошкольные организации.',
    data: ['personal'],
    tags: ['education', 'preschool', 'queue'],
    stage: 'industrial-operation',
    created: '2016-09-12',
    plat: 'on',
    integr: ['gbd-fl', 'nobd', 'portal-elektronnogo-pravitelstva'],
  },
  {
    short: 'Аттестация педагогов',
    owner: 'minprosv',
    ru: 'Информационная система национального квалификационного тестирования педагогов',
    kk: 'Педагогтерді ұлттық біліктілік тестілеу ақпараттық жүйесі',
    en: 'National Teacher Qualification Testing System',
    purpose:
      'Проведение квалификационного тестирования педагогов и учёт присвоенных категорий.',
    data: ['personal'],
    tags: ['education', 'testing'],
    stage: 'industrial-operation',
    created: '2018-10-03',
    plat: 'on',
    integr: ['nobd', 'gbd-fl'],
  },
  {
    short: 'Цифровой учебник',
    owner: 'minprosv',
    ru: 'Платформа цифровых учебников',
    kk: 'Цифрлық оқулықтар платформасы',
    en: 'Digital Textbook Platform',
    purpose:
      'Доступ учащихся и учителей к утверждённым цифровым учебникам и учебно-методическим комплексам.',
    data: ['open'],
    tags: ['education', 'content'],
    stage: 'planned',
    created: '2026-09-07',
    plat: 'on',
    hist: ['2026-09-07'],
    integr: ['tsifrovaya-shkola'],
  },
  {
    short: 'Олимпиады школьников',
    owner: 'minprosv',
    ru: 'Платформа олимпиад школьников',
    kk: 'Оқушылар олимпиадаларының платформасы',
    en: 'School Olympiads Platform',
    purpose:
      'Регистрация участников, проведение онлайн-этапов предметных олимпиад и публикация результатов.',
    data: ['personal'],
    tags: ['education', 'olympiads'],
    stage: 'pilot-operation',
    created: '2026-02-16',
    plat: 'violation',
    host: 'commercial',
    hist: ['2026-02-16', '2026-03-23', '2026-10-05'],
    integr: ['nobd'],
  },

  // --- Министерство внутренних дел
  {
    short: 'Документирование населения',
    owner: 'mvd',
    ru: 'Информационная система «Документирование и регистрация населения»',
    kk: '«Халықты құжаттандыру және тіркеу» ақпараттық жүйесі',
    en: 'Population Documentation and Registration System',
    purpose:
      'Выдача удостоверений личности и паспортов, регистрация граждан по месту жительства.',
    data: ['personal', 'biometric'],
    tags: ['identity', 'documents'],
    stage: 'industrial-operation',
    created: '2008-03-17',
    plat: 'legacy',
    mig: '2027-12-31',
    crit: true,
    host: 'own',
    integr: ['gbd-fl', 'zags'],
  },
  {
    short: 'Беркут',
    owner: 'mvd',
    ru: 'Информационная система миграционного контроля «Беркут»',
    kk: '«Беркут» көші-қон бақылауы ақпараттық жүйесі',
    en: 'Berkut Migration Control System',
    purpose:
      'Учёт въезда, выезда и пребывания иностранцев, миграционный контроль в пунктах пропуска.',
    data: ['restricted-official', 'personal', 'biometric'],
    tags: ['migration', 'border'],
    stage: 'industrial-operation',
    created: '2009-10-26',
    plat: 'legacy',
    mig: '2027-12-31',
    crit: true,
    host: 'own',
    integr: ['gbd-fl', 'dokumentirovanie-naseleniya'],
  },
  {
    short: 'ЕРАП',
    owner: 'mvd',
    ru: 'Единый реестр административных производств',
    kk: 'Әкімшілік өндірістердің бірыңғай тізілімі',
    en: 'Unified Register of Administrative Proceedings',
    purpose:
      'Регистрация административных правонарушений, наложенных взысканий и их исполнения.',
    data: ['personal', 'restricted-official'],
    tags: ['law-enforcement', 'fines'],
    stage: 'industrial-operation',
    created: '2014-12-15',
    plat: 'legacy',
    mig: '2026-06-30',
    host: 'own',
    integr: ['gbd-fl', 'pshep', 'ispolnitelnoe-proizvodstvo'],
  },
  {
    short: 'Регистрация транспортных средств',
    owner: 'mvd',
    ru: 'Информационная система регистрации транспортных средств и водительских удостоверений',
    kk: 'Көлік құралдарын және жүргізуші куәліктерін тіркеу ақпараттық жүйесі',
    en: 'Vehicle and Driving Licence Registration System',
    purpose:
      'Регистрация транспортных средств, выдача водительских удостоверений и номерных знаков.',
    data: ['personal'],
    tags: ['transport', 'registration'],
    stage: 'industrial-operation',
    created: '2010-05-24',
    plat: 'on',
    integr: ['gbd-fl', 'gbd-yul', 'pshep'],
  },

  // --- Министерство юстиции
  {
    short: 'ГБД ЮЛ',
    owner: 'minjust',
    ru: 'Государственная база данных «Юридические лица»',
    kk: '«Заңды тұлғалар» мемлекеттік деректер қоры',
    en: 'State Database of Legal Entities',
    purpose:
      'Эталонные сведения о юридических лицах, филиалах и представительствах по БИН.',
    data: ['personal', 'open'],
    tags: ['state-database', 'bin', 'reference-data'],
    stage: 'industrial-operation',
    created: '2007-11-20',
    plat: 'legacy',
    mig: '2027-06-30',
    crit: true,
    act: ['resolution', '1232'],
    integr: ['gbd-fl'],
  },
  {
    short: 'ГБД РН',
    owner: 'minjust',
    ru: 'Государственная база данных «Регистр недвижимости»',
    kk: '«Жылжымайтын мүлік тіркелімі» мемлекеттік деректер қоры',
    en: 'State Real Estate Register Database',
    purpose:
      'Государственная регистрация прав на недвижимое имущество и сделок с ним.',
    data: ['personal', 'financial'],
    tags: ['state-database', 'real-estate'],
    stage: 'industrial-operation',
    created: '2008-06-30',
    plat: 'on',
    crit: true,
    integr: ['gbd-fl', 'gbd-yul', 'ais-gzk'],
  },
  {
    short: 'Е-Нотариат',
    owner: 'minjust',
    ru: 'Единая нотариальная информационная система «Е-Нотариат»',
    kk: '«Е-Нотариат» бірыңғай нотариаттық ақпараттық жүйесі',
    en: 'E-Notary Unified Notarial System',
    purpose:
      'Регистрация нотариальных действий, проверка документов и полномочий по государственным базам данных.',
    data: ['personal', 'financial'],
    tags: ['notary', 'legal'],
    stage: 'industrial-operation',
    created: '2013-02-11',
    plat: 'legacy',
    mig: '2027-03-31',
    host: 'commercial',
    integr: ['gbd-fl', 'gbd-yul', 'gbd-rn', 'direct:nuts'],
  },
  {
    short: 'ЗАГС',
    owner: 'minjust',
    ru: 'Информационная система «Регистрационный пункт ЗАГС»',
    kk: '«АХАЖ тіркеу пункті» ақпараттық жүйесі',
    en: 'Civil Registry Office System',
    purpose:
      'Регистрация рождения, брака, расторжения брака, смерти и других актов гражданского состояния.',
    data: ['personal'],
    tags: ['civil-registry'],
    stage: 'industrial-operation',
    created: '2009-07-13',
    plat: 'legacy',
    mig: '2026-09-30',
    integr: ['gbd-fl'],
  },
  {
    short: 'Эталонный банк НПА',
    owner: 'minjust',
    ru: 'Эталонный контрольный банк нормативных правовых актов',
    kk: 'Нормативтік құқықтық актілердің эталондық бақылау банкі',
    en: 'Reference Control Bank of Legal Acts',
    purpose:
      'Хранение официальных текстов нормативных правовых актов и их редакций.',
    data: ['open'],
    tags: ['legislation', 'open-data'],
    stage: 'industrial-operation',
    created: '2012-04-09',
    plat: 'on',
    integr: ['otkrytye-dannye'],
  },
  {
    short: 'Исполнительное производство',
    owner: 'minjust',
    ru: 'Автоматизированная информационная система «Исполнительное производство»',
    kk: '«Атқарушылық іс жүргізу» автоматтандырылған ақпараттық жүйесі',
    en: 'Enforcement Proceedings System',
    purpose:
      'Учёт исполнительных документов, действий судебных исполнителей и взысканных сумм.',
    data: ['personal', 'financial'],
    tags: ['enforcement', 'legal'],
    stage: 'industrial-operation',
    created: '2015-10-19',
    plat: 'on',
    integr: ['gbd-fl', 'gbd-yul', 'gbd-rn'],
  },

  // --- Министерство труда и социальной защиты населения
  {
    short: 'Электронная биржа труда',
    owner: 'mintrud',
    ru: 'Электронная биржа труда',
    kk: 'Электрондық еңбек биржасы',
    en: 'Electronic Labour Exchange',
    purpose:
      'Размещение вакансий и резюме, регистрация безработных и направление на меры содействия занятости.',
    data: ['personal'],
    tags: ['employment', 'labour'],
    stage: 'industrial-operation',
    created: '2017-12-04',
    plat: 'on',
    repo: true,
    integr: ['gbd-fl', 'esutd'],
  },
  {
    short: 'ЕСУТД',
    owner: 'mintrud',
    ru: 'Единая система учёта трудовых договоров',
    kk: 'Еңбек шарттарын есепке алудың бірыңғай жүйесі',
    en: 'Unified Employment Contract Register',
    purpose:
      'Регистрация трудовых договоров и их изменений, подтверждение трудового стажа.',
    data: ['personal'],
    tags: ['employment', 'contracts'],
    stage: 'industrial-operation',
    created: '2018-05-21',
    plat: 'on',
    noAct: true,
    integr: ['gbd-fl', 'gbd-yul'],
  },
  {
    short: 'Адресная социальная помощь',
    owner: 'mintrud',
    ru: 'Информационная система «Адресная социальная помощь»',
    kk: '«Атаулы әлеуметтік көмек» ақпараттық жүйесі',
    en: 'Targeted Social Assistance System',
    purpose:
      'Назначение и выплата адресной социальной помощи малообеспеченным семьям.',
    data: ['personal', 'financial'],
    tags: ['social-support', 'benefits'],
    stage: 'industrial-operation',
    created: '2014-06-02',
    plat: 'legacy',
    mig: '2026-06-30',
    integr: ['gbd-fl', 'tsifrovaya-karta-semi'],
  },
  {
    short: 'ЦБДИ',
    owner: 'mintrud',
    ru: 'Централизованный банк данных лиц, имеющих инвалидность',
    kk: 'Мүгедектігі бар адамдардың орталықтандырылған деректер банкі',
    en: 'Central Database of Persons with Disabilities',
    purpose:
      'Учёт лиц с инвалидностью, индивидуальных программ реабилитации и технических средств.',
    data: ['personal', 'health'],
    tags: ['social-support', 'disability'],
    stage: 'industrial-operation',
    created: '2012-09-17',
    plat: 'on',
    integr: ['gbd-fl', 'eisz'],
  },
  {
    short: 'Цифровая карта семьи',
    owner: 'mintrud',
    ru: 'Цифровая карта семьи',
    kk: 'Отбасының цифрлық картасы',
    en: 'Digital Family Card',
    purpose:
      'Проактивное выявление семей, нуждающихся в поддержке, по данным государственных баз.',
    data: ['personal', 'financial'],
    tags: ['social-support', 'proactive'],
    stage: 'industrial-operation',
    created: '2021-11-15',
    plat: 'on',
    repo: true,
    integr: ['gbd-fl', 'esutd', 'isna', 'gbd-rn'],
  },
  {
    short: 'Навигатор профессий',
    owner: 'mintrud',
    ru: 'Национальный навигатор профессий',
    kk: 'Ұлттық мамандықтар навигаторы',
    en: 'National Careers Navigator',
    purpose:
      'Подбор профессий и программ переобучения по прогнозу спроса на рынке труда.',
    data: ['open', 'personal'],
    tags: ['employment', 'careers'],
    stage: 'creation',
    created: '2026-04-06',
    plat: 'on',
    repo: true,
    hist: ['2026-04-06', '2026-06-15'],
    integr: ['elektronnaya-birzha-truda'],
  },

  // --- Министерство национальной экономики
  {
    short: 'Бюджетное планирование',
    owner: 'minekonomiki',
    ru: 'Информационная система «Бюджетное планирование»',
    kk: '«Бюджеттік жоспарлау» ақпараттық жүйесі',
    en: 'Budget Planning System',
    purpose:
      'Формирование бюджетных заявок, программ и проекта республиканского бюджета.',
    data: ['financial', 'restricted-official'],
    tags: ['budget', 'planning'],
    stage: 'industrial-operation',
    created: '2011-01-31',
    plat: 'legacy',
    mig: '2027-06-30',
    integr: ['kaznacheistvo-klient'],
  },
  {
    short: 'Е-Статистика',
    owner: 'minekonomiki',
    ru: 'Информационная система «Е-Статистика»',
    kk: '«Е-Статистика» ақпараттық жүйесі',
    en: 'E-Statistics Reporting System',
    purpose:
      'Сбор статистической отчётности респондентов и публикация официальной статистики.',
    data: ['open', 'restricted-official'],
    tags: ['statistics'],
    stage: 'industrial-operation',
    created: '2013-03-25',
    plat: 'on',
    integr: ['gbd-yul'],
  },
  {
    short: 'Мониторинг цен',
    owner: 'minekonomiki',
    ru: 'Информационная система мониторинга цен на социально значимые продовольственные товары',
    kk: 'Әлеуметтік маңызы бар азық-түлік тауарларының бағаларын мониторингтеу ақпараттық жүйесі',
    en: 'Socially Important Food Prices Monitoring System',
    purpose:
      'Еженедельный сбор и анализ цен на социально значимые продовольственные товары по регионам.',
    data: ['open'],
    tags: ['prices', 'monitoring'],
    stage: 'industrial-operation',
    created: '2019-02-11',
    plat: 'on',
    noAct: true,
    integr: ['e-statistika'],
  },
  {
    short: 'Макроэкономическое прогнозирование',
    owner: 'minekonomiki',
    ru: 'Система макроэкономического прогнозирования',
    kk: 'Макроэкономикалық болжау жүйесі',
    en: 'Macroeconomic Forecasting System',
    purpose:
      'Сценарное моделирование и прогноз основных макроэкономических показателей на пять лет.',
    data: ['restricted-official'],
    tags: ['forecasting', 'analytics'],
    stage: 'planned',
    created: '2026-08-10',
    plat: 'violation',
    host: 'commercial',
    hist: ['2026-08-10'],
    integr: ['e-statistika', 'byudzhetnoe-planirovanie'],
  },

  // --- Министерство сельского хозяйства
  {
    short: 'ГИСС',
    owner: 'minselkhoz',
    ru: 'Государственная информационная система субсидирования',
    kk: 'Субсидиялаудың мемлекеттік ақпараттық жүйесі',
    en: 'State Agricultural Subsidy System',
    purpose:
      'Приём заявок и выплата субсидий сельхозтоваропроизводителям, контроль встречных обязательств.',
    data: ['financial', 'personal'],
    tags: ['agriculture', 'subsidies'],
    stage: 'industrial-operation',
    created: '2018-12-03',
    plat: 'legacy',
    mig: '2026-09-30',
    integr: [
      'gbd-yul',
      'identifikatsiya-zhivotnykh',
      'ais-gzk',
      'kaznacheistvo-klient',
    ],
  },
  {
    short: 'Идентификация животных',
    owner: 'minselkhoz',
    ru: 'Информационная система идентификации сельскохозяйственных животных',
    kk: 'Ауыл шаруашылығы жануарларын бірдейлендіру ақпараттық жүйесі',
    en: 'Farm Animal Identification System',
    purpose:
      'Учёт сельскохозяйственных животных, ветеринарных мероприятий и их владельцев.',
    data: ['open', 'personal'],
    tags: ['agriculture', 'veterinary'],
    stage: 'industrial-operation',
    created: '2012-02-27',
    plat: 'on',
    integr: ['gbd-fl'],
  },
  {
    short: 'АИС ГЗК',
    owner: 'minselkhoz',
    ru: 'Автоматизированная информационная система государственного земельного кадастра',
    kk: 'Мемлекеттік жер кадастрының автоматтандырылған ақпараттық жүйесі',
    en: 'State Land Cadastre System',
    purpose:
      'Ведение земельного кадастра: границы, кадастровые номера, категории и качество земель.',
    data: ['open', 'personal'],
    tags: ['land', 'cadastre', 'gis'],
    stage: 'industrial-operation',
    created: '2009-04-20',
    plat: 'legacy',
    mig: '2027-03-31',
    integr: ['gbd-rn'],
  },
  {
    short: 'Агромониторинг',
    owner: 'minselkhoz',
    ru: 'Система космического мониторинга сельскохозяйственных угодий',
    kk: 'Ауыл шаруашылығы алқаптарын ғарыштық мониторингтеу жүйесі',
    en: 'Satellite Farmland Monitoring System',
    purpose:
      'Контроль посевных площадей и состояния посевов по спутниковым снимкам для проверки заявок на субсидии.',
    data: ['open'],
    tags: ['agriculture', 'satellite', 'gis'],
    stage: 'creation',
    created: '2026-02-02',
    plat: 'exempt',
    host: 'own',
    ex: ['КВЦ-2026/02-3', '2026-02-26', '2026-06-30'],
    hist: ['2026-02-02', '2026-04-01'],
    integr: ['giss', 'ais-gzk'],
  },

  // --- Министерство энергетики
  {
    short: 'ЕГСУ недропользования',
    owner: 'minenergo',
    ru: 'Единая государственная система управления недропользованием',
    kk: 'Жер қойнауын пайдалануды басқарудың бірыңғай мемлекеттік жүйесі',
    en: 'Unified Subsoil Use Management System',
    purpose:
      'Учёт контрактов на недропользование, отчётности недропользователей и исполнения обязательств.',
    data: ['restricted-official', 'financial'],
    tags: ['energy', 'subsoil'],
    stage: 'industrial-operation',
    created: '2016-07-04',
    plat: 'legacy',
    mig: '2027-06-30',
    crit: true,
    host: 'own',
    integr: ['gbd-yul', 'isna'],
  },
  {
    short: 'Учёт нефти',
    owner: 'minenergo',
    ru: 'Информационная система учёта сырой нефти и газового конденсата',
    kk: 'Шикі мұнай мен газ конденсатын есепке алу ақпараттық жүйесі',
    en: 'Crude Oil and Gas Condensate Accounting System',
    purpose:
      'Учёт добычи, транспортировки и реализации нефти по данным приборов учёта в режиме онлайн.',
    data: ['financial', 'restricted-official'],
    tags: ['energy', 'oil'],
    stage: 'industrial-operation',
    created: '2018-04-16',
    plat: 'on',
    crit: true,
    integr: ['egsu-nedropolzovaniya', 'esf'],
  },
  {
    short: 'Мониторинг ГСМ',
    owner: 'minenergo',
    ru: 'Информационная система мониторинга реализации нефтепродуктов',
    kk: 'Мұнай өнімдерін өткізуді мониторингтеу ақпараттық жүйесі',
    en: 'Fuel Sales Monitoring System',
    purpose:
      'Мониторинг оптовой и розничной реализации горюче-смазочных материалов; заменена системой учёта нефти.',
    data: ['financial'],
    tags: ['energy', 'fuel'],
    stage: 'decommissioned',
    created: '2012-10-08',
    plat: 'off',
    integr: ['esf'],
  },

  // --- Министерство экологии и природных ресурсов
  {
    short: 'Кадастр выбросов',
    owner: 'minekologii',
    ru: 'Государственный кадастр выбросов загрязняющих веществ',
    kk: 'Ластаушы заттар шығарындыларының мемлекеттік кадастры',
    en: 'State Pollutant Emissions Cadastre',
    purpose:
      'Учёт выбросов загрязняющих веществ и парниковых газов природопользователями.',
    data: ['open', 'restricted-official'],
    tags: ['ecology', 'emissions'],
    stage: 'pilot-operation',
    created: '2025-03-17',
    plat: 'legacy',
    mig: '2027-06-30',
    integr: ['gbd-yul'],
  },
  {
    short: 'Мониторинг атмосферного воздуха',
    owner: 'minekologii',
    ru: 'Система мониторинга качества атмосферного воздуха',
    kk: 'Атмосфералық ауа сапасын мониторингтеу жүйесі',
    en: 'Air Quality Monitoring System',
    purpose:
      'Сбор данных автоматических постов наблюдения и публикация индекса качества воздуха.',
    data: ['open'],
    tags: ['ecology', 'air-quality'],
    stage: 'industrial-operation',
    created: '2019-09-02',
    plat: 'on',
    integr: ['otkrytye-dannye'],
  },
  {
    short: 'Лесной фонд',
    owner: 'minekologii',
    ru: 'Информационная система государственного лесного фонда',
    kk: 'Мемлекеттік орман қорының ақпараттық жүйесі',
    en: 'State Forest Fund Information System',
    purpose: 'Учёт лесного фонда, лесопользования и лесовосстановления.',
    data: ['open'],
    tags: ['ecology', 'forestry', 'gis'],
    stage: 'planned',
    created: '2025-11-10',
    plat: 'on',
    hist: ['2025-11-10'],
    integr: ['ais-gzk'],
  },

  // --- Министерство по чрезвычайным ситуациям
  {
    short: 'Система 112',
    owner: 'mchs',
    ru: 'Система единой дежурно-диспетчерской службы «112»',
    kk: '«112» бірыңғай кезекші-диспетчерлік қызметінің жүйесі',
    en: 'Emergency Service 112 System',
    purpose:
      'Приём вызовов по единому номеру «112» и координация экстренных служб.',
    data: ['personal'],
    tags: ['emergency', 'call-centre'],
    stage: 'industrial-operation',
    created: '2015-04-06',
    plat: 'legacy',
    mig: '2027-12-31',
    crit: true,
    host: 'own',
    act: ['decree', '1034'],
    integr: ['gbd-fl', 'opoveshchenie-naseleniya'],
  },
  {
    short: 'Оповещение населения',
    owner: 'mchs',
    ru: 'Автоматизированная система оповещения населения',
    kk: 'Халықты хабардар етудің автоматтандырылған жүйесі',
    en: 'Public Warning System',
    purpose:
      'Оповещение населения о чрезвычайных ситуациях через сирены, SMS-рассылку и мобильные приложения.',
    data: ['open'],
    tags: ['emergency', 'alerts'],
    stage: 'industrial-operation',
    created: '2016-11-21',
    plat: 'on',
    crit: true,
    integr: ['egov-mobile'],
  },
  {
    short: 'Промышленная безопасность',
    owner: 'mchs',
    ru: 'Информационная система государственного контроля в области промышленной безопасности',
    kk: 'Өнеркәсіптік қауіпсіздік саласындағы мемлекеттік бақылау ақпараттық жүйесі',
    en: 'Industrial Safety Control System',
    purpose:
      'Учёт опасных производственных объектов, проверок и выданных предписаний.',
    data: ['restricted-official'],
    tags: ['industrial-safety', 'inspections'],
    stage: 'industrial-operation',
    created: '2017-03-13',
    plat: 'legacy',
    mig: '2026-09-30',
    integr: ['gbd-yul', 'e-litsenzirovanie'],
  },

  // --- Высшая аудиторская палата
  {
    short: 'ИС госаудита',
    owner: 'vap',
    ru: 'Информационная система государственного аудита и финансового контроля',
    kk: 'Мемлекеттік аудит және қаржылық бақылау ақпараттық жүйесі',
    en: 'State Audit and Financial Control System',
    purpose:
      'Планирование и проведение аудиторских мероприятий, учёт нарушений и исполнения рекомендаций.',
    data: ['financial', 'restricted-official'],
    tags: ['audit', 'finance'],
    stage: 'industrial-operation',
    created: '2016-01-25',
    plat: 'on',
    integr: ['kaznacheistvo-klient', 'goszakupki', 'byudzhetnoe-planirovanie'],
  },

  // --- Акимат города Алматы
  {
    short: 'Ситуационный центр Алматы',
    owner: 'akimat-almaty',
    ru: 'Ситуационный центр города Алматы',
    kk: 'Алматы қаласының ситуациялық орталығы',
    en: 'Almaty Situation Centre',
    purpose:
      'Сводный мониторинг городских служб, транспорта и видеонаблюдения для оперативного реагирования.',
    data: ['restricted-official', 'personal'],
    tags: ['city', 'monitoring'],
    stage: 'industrial-operation',
    created: '2019-05-13',
    plat: 'legacy',
    mig: '2026-12-31',
    operator: 'almaty-digital',
    host: 'own',
    integr: ['sistema-112', 'transportnaya-karta-almaty'],
  },
  {
    short: 'Транспортная карта Алматы',
    owner: 'akimat-almaty',
    ru: 'Автоматизированная система оплаты проезда в общественном транспорте города Алматы',
    kk: 'Алматы қаласының қоғамдық көлігінде жол ақысын төлеудің автоматтандырылған жүйесі',
    en: 'Almaty Public Transport Fare Collection System',
    purpose:
      'Безналичная оплата проезда транспортными картами и QR-кодом, учёт пассажиропотока и льгот.',
    data: ['financial', 'personal'],
    tags: ['city', 'transport', 'payments'],
    stage: 'industrial-operation',
    created: '2015-07-20',
    plat: 'legacy',
    mig: '2026-06-30',
    operator: 'almaty-digital',
    host: 'commercial',
    country: 'NL',
    integr: ['gbd-fl'],
  },
  {
    short: 'Контакт-центр 109 Алматы',
    owner: 'akimat-almaty',
    ru: 'Единый городской контакт-центр «109» города Алматы',
    kk: 'Алматы қаласының «109» бірыңғай қалалық байланыс орталығы',
    en: 'Almaty City Contact Centre 109',
    purpose:
      'Приём обращений жителей по вопросам городского хозяйства и контроль их исполнения службами.',
    data: ['personal'],
    tags: ['city', 'appeals', 'call-centre'],
    stage: 'industrial-operation',
    created: '2018-03-05',
    plat: 'on',
    operator: 'almaty-digital',
    integr: ['e-otinish'],
  },
  {
    short: 'Туристический гид Алматы',
    owner: 'akimat-almaty',
    ru: 'Городская платформа туристических услуг Алматы',
    kk: 'Алматы қаласының туристік қызметтер платформасы',
    en: 'Almaty City Tourism Services Platform',
    purpose:
      'Продажа билетов на городские туристические объекты и учёт посетителей горных курортов.',
    data: ['personal', 'financial'],
    tags: ['city', 'tourism'],
    stage: 'creation',
    created: '2026-05-18',
    plat: 'violation',
    operator: 'almaty-digital',
    host: 'commercial',
    country: 'DE',
    hist: ['2026-05-18', '2026-07-06'],
    integr: ['transportnaya-karta-almaty'],
  },

  // --- Акимат города Астаны
  {
    short: 'Видеофиксация нарушений ПДД',
    owner: 'akimat-astana',
    ru: 'Система видеофиксации нарушений правил дорожного движения',
    kk: 'Жол жүрісі қағидаларын бұзушылықтарды бейнетіркеу жүйесі',
    en: 'Traffic Violation Video Enforcement System',
    purpose:
      'Автоматическая фиксация нарушений правил дорожного движения и передача материалов в реестр административных производств.',
    data: ['personal'],
    tags: ['city', 'traffic', 'video'],
    stage: 'industrial-operation',
    created: '2017-06-26',
    plat: 'legacy',
    mig: '2026-09-30',
    host: 'own',
    integr: ['erap', 'registratsiya-transportnykh-sredstv'],
  },
  {
    short: 'Парковки Астаны',
    owner: 'akimat-astana',
    ru: 'Система платных парковок города Астаны',
    kk: 'Астана қаласының ақылы автотұрақтар жүйесі',
    en: 'Astana Paid Parking System',
    purpose:
      'Оплата городских парковок, учёт абонементов и льготных разрешений.',
    data: ['financial', 'personal'],
    tags: ['city', 'parking', 'payments'],
    stage: 'industrial-operation',
    created: '2019-10-14',
    plat: 'legacy',
    mig: '2027-03-31',
    host: 'commercial',
    noAct: true,
    integr: ['registratsiya-transportnykh-sredstv', 'pshep'],
  },
  {
    short: 'Земельные участки Астаны',
    owner: 'akimat-astana',
    ru: 'Информационная система предоставления земельных участков города Астаны',
    kk: 'Астана қаласында жер учаскелерін беру ақпараттық жүйесі',
    en: 'Astana Land Plot Allocation System',
    purpose:
      'Очередь на земельные участки, проведение торгов и подготовка решений о предоставлении права на землю.',
    data: ['personal'],
    tags: ['city', 'land'],
    stage: 'industrial-operation',
    created: '2020-02-24',
    plat: 'on',
    integr: ['ais-gzk', 'gbd-rn', 'gbd-fl'],
  },
  {
    short: 'Цифровая платформа ЖКХ Астаны',
    owner: 'akimat-astana',
    ru: 'Цифровая платформа жилищно-коммунального хозяйства города Астаны',
    kk: 'Астана қаласы тұрғын үй-коммуналдық шаруашылығының цифрлық платформасы',
    en: 'Astana Housing and Utilities Digital Platform',
    purpose:
      'Единый лицевой счёт жителя, показания приборов учёта и заявки в управляющие компании.',
    data: ['personal', 'financial'],
    tags: ['city', 'utilities'],
    stage: 'planned',
    created: '2026-07-13',
    plat: 'exempt',
    host: 'state-operator-dc',
    ex: ['КВЦ-2026/08-1', '2026-08-20', '2027-08-20'],
    hist: ['2026-07-13'],
    integr: ['gbd-fl', 'gbd-rn', 'pshep'],
  },

  // --- АО «НИТ» (государственный оператор)
  {
    short: 'QazTech',
    owner: 'nitec',
    ru: 'Национальная платформа цифровых сервисов QazTech',
    kk: 'QazTech ұлттық цифрлық платформасы',
    en: 'QazTech National Digital Platform',
    purpose:
      'Единая платформа разработки, размещения и эксплуатации цифровых сервисов государственных органов.',
    data: ['restricted-official'],
    tags: ['qaztech', 'platform'],
    stage: 'industrial-operation',
    created: '2023-06-05',
    plat: 'on',
    crit: true,
    repo: true,
    dev: 'nitec',
    act: ['resolution', '492'],
    integr: ['direct:monitoring-oi'],
  },
  {
    short: 'Мониторинг ОИ',
    owner: 'nitec',
    ru: 'Система мониторинга объектов информатизации',
    kk: 'Ақпараттандыру объектілерін мониторингтеу жүйесі',
    en: 'Informatization Objects Monitoring System',
    purpose:
      'Мониторинг доступности и производительности государственных информационных систем и сервисов.',
    data: ['restricted-official'],
    tags: ['monitoring', 'operations'],
    stage: 'industrial-operation',
    created: '2016-08-15',
    plat: 'on',
    dev: 'nitec',
    repo: true,
    integr: [],
  },
  {
    short: 'Архитектурный портал',
    owner: 'nitec',
    ru: 'Архитектурный портал «электронного правительства»',
    kk: '«Электрондық үкіметтің» архитектуралық порталы',
    en: 'E-Government Architecture Portal',
    purpose:
      'Учёт объектов информатизации государственных органов, их паспортов, регистрационных номеров и архитектуры.',
    data: ['open', 'restricted-official'],
    tags: ['architecture', 'register'],
    stage: 'industrial-operation',
    created: '2014-11-03',
    plat: 'legacy',
    mig: '2026-06-30',
    dev: 'nitec',
    integr: ['monitoring-oi'],
  },
  {
    short: 'eGov Mobile',
    owner: 'nitec',
    ru: 'Мобильное приложение eGov Mobile',
    kk: 'eGov Mobile мобильді қосымшасы',
    en: 'eGov Mobile App',
    purpose:
      'Получение государственных услуг, цифровых документов и уведомлений со смартфона.',
    data: ['personal'],
    tags: ['mobile', 'egov'],
    stage: 'development',
    created: '2017-09-18',
    plat: 'on',
    dev: 'nitec',
    repo: true,
    integr: [
      'portal-elektronnogo-pravitelstva',
      'tsifrovye-dokumenty',
      'biometricheskaya-identifikatsiya',
    ],
  },

  // --- Госкорпорация «Правительство для граждан»
  {
    short: 'ИС ЦОН',
    owner: 'gov4c',
    ru: 'Информационная система центров обслуживания населения',
    kk: 'Халыққа қызмет көрсету орталықтарының ақпараттық жүйесі',
    en: 'Public Service Centres System',
    purpose:
      'Приём заявлений и выдача результатов государственных услуг в центрах обслуживания населения.',
    data: ['personal'],
    tags: ['public-services', 'service-centres'],
    stage: 'industrial-operation',
    created: '2008-01-28',
    plat: 'legacy',
    mig: '2026-12-31',
    operator: 'gov4c',
    integr: ['gbd-fl', 'gbd-yul', 'gbd-rn', 'e-litsenzirovanie'],
  },
  {
    short: 'Электронная очередь ЦОН',
    owner: 'gov4c',
    ru: 'Электронная очередь центров обслуживания населения',
    kk: 'Халыққа қызмет көрсету орталықтарының электрондық кезегі',
    en: 'Public Service Centres E-Queue',
    purpose:
      'Запись и управление очередью посетителей центров обслуживания населения; функции перенесены в ИС ЦОН.',
    data: ['personal'],
    tags: ['public-services', 'queue'],
    stage: 'decommissioned',
    created: '2011-05-16',
    plat: 'off',
    operator: 'gov4c',
    integr: ['is-tson'],
  },
  {
    short: 'Пенсии и пособия',
    owner: 'gov4c',
    ru: 'Информационная система назначения пенсий и пособий',
    kk: 'Зейнетақылар мен жәрдемақыларды тағайындау ақпараттық жүйесі',
    en: 'Pensions and Benefits Award System',
    purpose:
      'Назначение и перерасчёт пенсионных выплат и социальных пособий, формирование выплатных ведомостей.',
    data: ['personal', 'financial'],
    tags: ['pensions', 'benefits'],
    stage: 'industrial-operation',
    created: '2013-10-07',
    plat: 'on',
    crit: true,
    operator: 'gov4c',
    integr: ['gbd-fl', 'esutd', 'tsbdi', 'zags'],
  },

  // --- РГП «Государственная техническая служба»
  {
    short: 'НКЦИБ',
    owner: 'gts',
    ru: 'Система национального координационного центра информационной безопасности',
    kk: 'Ақпараттық қауіпсіздіктің ұлттық үйлестіру орталығының жүйесі',
    en: 'National Information Security Coordination Centre System',
    purpose:
      'Сбор событий от оперативных центров ИБ, учёт инцидентов и координация реагирования.',
    data: ['restricted-official'],
    tags: ['security', 'soc'],
    stage: 'industrial-operation',
    created: '2017-12-18',
    plat: 'legacy',
    mig: '2027-12-31',
    crit: true,
    operator: 'gts',
    dev: 'gts',
    host: 'own',
    integr: ['direct:monitoring-oi'],
  },
  {
    short: 'Испытания ИБ',
    owner: 'gts',
    ru: 'Информационная система учёта испытаний объектов информатизации',
    kk: 'Ақпараттандыру объектілерін сынауды есепке алу ақпараттық жүйесі',
    en: 'Security Testing Records System',
    purpose:
      'Учёт заявок на испытания на соответствие требованиям ИБ и выданных актов испытаний.',
    data: ['restricted-official'],
    tags: ['security', 'testing'],
    stage: 'industrial-operation',
    created: '2019-07-01',
    plat: 'on',
    operator: 'gts',
    dev: 'gts',
    integr: ['arkhitekturnyi-portal'],
  },
  {
    short: 'Сканер уязвимостей',
    owner: 'gts',
    ru: 'Платформа сканирования уязвимостей государственного сектора',
    kk: 'Мемлекеттік сектордағы осалдықтарды сканерлеу платформасы',
    en: 'Public Sector Vulnerability Scanning Platform',
    purpose:
      'Регулярное сканирование внешнего периметра государственных систем и передача найденных уязвимостей владельцам.',
    data: ['restricted-official'],
    tags: ['security', 'vulnerabilities'],
    stage: 'pilot-operation',
    created: '2026-01-14',
    plat: 'exempt',
    operator: 'gts',
    dev: 'gts',
    host: 'own',
    ex: ['КВЦ-2026/01-4', '2026-01-29', '2027-12-31'],
    hist: ['2026-01-14', '2026-02-16', '2026-07-20'],
    integr: ['nktsib', 'arkhitekturnyi-portal'],
  },

  // --- Негосударственная система, интегрированная с государственными
  {
    short: 'Кредитные истории',
    owner: 'kepil-data',
    ru: 'Информационная система формирования кредитных историй',
    kk: 'Кредиттік тарихтарды қалыптастыру ақпараттық жүйесі',
    en: 'Credit History System',
    purpose:
      'Формирование кредитных историй и кредитных отчётов с проверкой субъектов по государственным базам данных.',
    data: ['personal', 'financial'],
    tags: ['credit-bureau', 'finance'],
    stage: 'industrial-operation',
    created: '2005-09-12',
    plat: 'off',
    operator: 'kepil-data',
    dev: 'kepil-data',
    host: 'own',
    integr: ['gbd-fl', 'gbd-yul'],
  },
];

// ---------------------------------------------------------------------------
// Building the registry block of one system

const STAGE_PATHS = {
  planned: ['planned'],
  creation: ['planned', 'creation'],
  'pilot-operation': ['planned', 'creation', 'pilot-operation'],
  'industrial-operation': [
    'planned',
    'creation',
    'pilot-operation',
    'industrial-operation',
  ],
  development: [
    'planned',
    'creation',
    'pilot-operation',
    'industrial-operation',
    'development',
  ],
  decommissioned: [
    'planned',
    'creation',
    'pilot-operation',
    'industrial-operation',
    'decommissioned',
  ],
};

// Typical time (days) spent before entering each stage; scaled down for
// systems too young to have spent that long.
const TYPICAL_GAP = {
  creation: 140,
  'pilot-operation': 330,
  'industrial-operation': 240,
  development: 1400,
  decommissioned: 2200,
};

function lifecycleHistory(row, rnd) {
  const path = STAGE_PATHS[row.stage];
  if (row.hist) {
    return path.map((stage, i) => ({ stage, date: row.hist[i] }));
  }
  const gaps = path
    .slice(1)
    .map(stage => TYPICAL_GAP[stage] * (0.75 + rnd() * 0.5));
  const room = toDay(LAST_DATE) - 30 - toDay(row.created);
  const total = gaps.reduce((a, b) => a + b, 0);
  const scale = Math.min(1, room / total);
  let day = toDay(row.created);
  const history = [{ stage: path[0], date: row.created }];
  path.slice(1).forEach((stage, i) => {
    day += Math.max(14, Math.round(gaps[i] * scale));
    // A system "in development" is in a current modernisation project, so
    // that stage starts within the last few years, not a decade ago.
    if (stage === 'development')
      day = Math.max(day, toDay(LAST_DATE) - between(rnd, 200, 1100));
    history.push({ stage, date: fromDay(day) });
  });
  return history;
}

// Orders of ministers carry the "/НҚ" suffix of normative acts; the
// Government and akimats issue resolutions, the President decrees.
function legalBasis(row, body, rnd) {
  const date = addDays(row.created, -between(rnd, 7, 75));
  const [explicitType, explicitNumber] = row.act ?? [];
  const actType =
    explicitType ??
    (body.kind === 'local-executive-body' || row.crit ? 'resolution' : 'order');
  const number =
    explicitNumber ??
    (actType === 'order'
      ? `${between(rnd, 12, 640)}/НҚ`
      : String(between(rnd, 100, 1300)));
  return { actType, number, date };
}

const MIGRATION_PLANS = [
  (d, mid) =>
    `Поэтапный перенос на платформу QazTech: перенос данных и интеграций до ${ruDate(
      mid,
    )}, опытная эксплуатация на платформе и отключение прежней инфраструктуры до ${ruDate(
      d,
    )}.`,
  (d, mid) =>
    `Переработка системы в микросервисы платформы QazTech; перевод пользователей на новую версию до ${ruDate(
      mid,
    )}, вывод прежней системы из эксплуатации до ${ruDate(d)}.`,
  (d, mid) =>
    `Перенос в составе национальной волны миграции: инвентаризация и план работ согласованы с АО «НИТ», перенос до ${ruDate(
      mid,
    )}, завершение до ${ruDate(d)}.`,
];

function migrationPlan(row, rnd) {
  // The midpoint milestone lies between six and two months before the deadline.
  const mid = addDays(row.mig, -between(rnd, 60, 180));
  return { deadline: row.mig, plan: pick(rnd, MIGRATION_PLANS)(row.mig, mid) };
}

function platformBlock(row, rnd) {
  switch (row.plat) {
    case 'on':
      return { onPlatform: true };
    case 'legacy':
      return { onPlatform: false, migration: migrationPlan(row, rnd) };
    case 'exempt': {
      const [decisionNumber, decisionDate, expiresAt] = row.ex;
      return {
        onPlatform: false,
        exemption: { decisionNumber, decisionDate, expiresAt },
      };
    }
    case 'off':
    case 'violation':
      return { onPlatform: false };
    default:
      throw new Error(`${row.short}: unknown platform status ${row.plat}`);
  }
}

function hostingBlock(row) {
  if (row.plat === 'on') return { kind: 'platform', country: 'KZ' };
  return {
    kind: row.host ?? 'state-operator-dc',
    country: row.country ?? 'KZ',
  };
}

// Levels follow the most sensitive data category; critical systems are
// high on every axis, as КВОИКИ requirements demand.
function classification(row) {
  if (row.crit) {
    return {
      critical: true,
      confidentiality: 'high',
      integrity: 'high',
      availability: 'high',
    };
  }
  const has = cat => row.data.includes(cat);
  const confidentiality =
    has('biometric') || has('health') || has('restricted-official')
      ? 'high'
      : has('personal') || has('financial')
      ? 'medium'
      : 'low';
  const integrity = has('financial')
    ? 'high'
    : has('personal')
    ? 'medium'
    : 'low';
  const availability =
    row.tags.includes('portal') || row.tags.includes('city') ? 'medium' : 'low';
  return { critical: false, confidentiality, integrity, availability };
}

// ГТС tests a system before industrial operation. The test regime exists
// since 2019, so older systems carry the act of their latest re-test.
function securityTestAct(row, history, rnd) {
  const industrial = history.find(h => h.stage === 'industrial-operation');
  if (!industrial || row.noAct) return undefined;
  const last = history[history.length - 1];
  let date = addDays(industrial.date, -between(rnd, 15, 45));
  if (last.stage === 'development')
    date = addDays(last.date, -between(rnd, 20, 120));
  if (date < '2019-07-01') date = addDays('2019-07-01', between(rnd, 30, 1800));
  if (date > LAST_DATE) date = addDays(LAST_DATE, -between(rnd, 30, 90));
  const major =
    last.stage === 'development' ? between(rnd, 3, 5) : between(rnd, 1, 3);
  const version = `${major}.${between(rnd, 0, 12)}.${between(rnd, 0, 9)}`;
  const number = `ГТС-АИ-${date.slice(0, 4)}/${String(
    between(rnd, 1, 1999),
  ).padStart(4, '0')}`;
  return { number, date, version };
}

function socProvider(row, rnd) {
  if (row.plat === 'on') return SOC_PROVIDERS[0];
  if (row.stage === 'planned' || row.stage === 'decommissioned')
    return undefined;
  return rnd() < 0.25 ? undefined : pick(rnd, SOC_PROVIDERS);
}

function integrations(row) {
  return row.integr.map(ref =>
    ref.startsWith('direct:')
      ? { system: ref.slice(7), via: 'direct' }
      : { system: ref, via: 'shep' },
  );
}

/** Numbers of the e-government architecture portal: seeded, unique. */
function registryNumberAllocator() {
  const used = new Set();
  return name => {
    let n = 10000 + (hash32(`reg:${name}`) % 90000);
    while (used.has(n)) n = n === 99999 ? 10000 : n + 1;
    used.add(n);
    return `ИС-${n}`;
  };
}

// ---------------------------------------------------------------------------
// Regional register
//
// Local systems of the two city akimats that reach the catalog only through
// the register import (examples/register/regional-register.*), never through
// YAML, so the demo shows imported systems beside hand-registered ones.

const REGIONAL_SERVICES = [
  {
    short: 'Электронная очередь в поликлиники',
    ru: 'Электронная очередь в городские поликлиники',
    kk: 'Қалалық емханаларға электрондық кезек',
    en: 'Electronic Queue for City Polyclinics',
    purpose:
      'Запись жителей на приём в городские поликлиники и управление очередью.',
    data: ['personal', 'health'],
    stage: 'industrial-operation',
    created: '2019-03-11',
    plat: 'on',
  },
  {
    short: 'Учёт обращений жителей',
    ru: 'Система учёта обращений жителей города',
    kk: 'Қала тұрғындарының өтініштерін есепке алу жүйесі',
    en: 'Residents’ Appeals Register',
    purpose:
      'Приём, маршрутизация и контроль сроков рассмотрения обращений жителей.',
    data: ['personal'],
    stage: 'industrial-operation',
    created: '2017-06-20',
    plat: 'legacy',
    mig: '2027-03-31',
  },
  {
    short: 'Городские субсидии малому бизнесу',
    ru: 'Информационная система городских субсидий малому бизнесу',
    kk: 'Шағын бизнеске қалалық субсидиялар ақпараттық жүйесі',
    en: 'City Small Business Subsidies System',
    purpose:
      'Приём заявок и учёт выплат городских субсидий субъектам малого бизнеса.',
    data: ['financial', 'personal'],
    stage: 'pilot-operation',
    created: '2026-02-16',
    plat: 'violation',
  },
  {
    short: 'Мониторинг общественного транспорта',
    ru: 'Система мониторинга общественного транспорта',
    kk: 'Қоғамдық көлікті бақылау жүйесі',
    en: 'Public Transport Monitoring System',
    purpose:
      'Отслеживание движения автобусов и соблюдения расписания в реальном времени.',
    data: ['open'],
    stage: 'industrial-operation',
    created: '2016-09-01',
    plat: 'legacy',
    mig: '2026-09-30',
  },
  {
    short: 'Электронный учёт парков и скверов',
    ru: 'Электронный реестр парков и скверов',
    kk: 'Саябақтар мен гүлзарлардың электрондық тізілімі',
    en: 'Parks and Squares Register',
    purpose:
      'Учёт зелёных насаждений, объектов благоустройства и работ по их содержанию.',
    data: ['open'],
    stage: 'creation',
    created: '2026-04-07',
    plat: 'on',
  },
  {
    short: 'Школьное питание',
    ru: 'Информационная система организации школьного питания',
    kk: 'Мектептегі тамақтануды ұйымдастыру ақпараттық жүйесі',
    en: 'School Meals System',
    purpose:
      'Учёт обеспечения учащихся горячим питанием и расчёты с поставщиками.',
    data: ['personal', 'financial'],
    stage: 'industrial-operation',
    created: '2018-08-15',
    plat: 'legacy',
    mig: '2027-06-30',
  },
];

const REGIONAL_CITIES = [
  {
    owner: 'akimat-almaty',
    ru: 'Алматы',
    suffix: 'г. Алматы',
    kk: 'Алматы қ.',
    en: 'Almaty',
  },
  {
    owner: 'akimat-astana',
    ru: 'Астана',
    suffix: 'г. Астаны',
    kk: 'Астана қ.',
    en: 'Astana',
  },
];

/** The rows of the regional register: every service for every city. */
function regionalRows() {
  return REGIONAL_CITIES.flatMap(city =>
    REGIONAL_SERVICES.map(service => ({
      ...service,
      short: `${service.short} ${city.ru}`,
      owner: city.owner,
      ru: `${service.ru} (${city.suffix})`,
      kk: `${city.kk} ${service.kk
        .charAt(0)
        .toLocaleLowerCase('kk')}${service.kk.slice(1)}`,
      en: `${service.en} (${city.en})`,
      tags: ['regional', 'akimat'],
      crit: false,
      operator: city.owner,
      act: ['decree', undefined],
      integr: [],
    })),
  );
}

function buildSystem(row, ctx) {
  const name = slugify(row.short);
  const rnd = prng(`system:${name}`);
  const body = ctx.bodiesByName.get(row.owner);
  if (!body) throw new Error(`${name}: unknown owner ${row.owner}`);
  const history = lifecycleHistory(row, rnd);
  const operatorKey = row.operator ?? 'nitec';
  const developerKey = row.dev ?? pick(rnd, DEVELOPER_POOL);
  const registry = {
    registryNumber: ctx.nextRegistryNumber(name),
    title: { ru: row.ru, kk: row.kk, en: row.en },
    purpose: row.purpose,
    legalBasis: legalBasis(row, body, rnd),
    ownerKind: body.kind,
    parties: {
      owner: ctx.parties.get(row.owner),
      operator: ctx.parties.get(operatorKey),
      developer: ctx.parties.get(developerKey),
    },
    securityOfficer: `user:default/${securityOfficerFor(row.owner)}`,
    createdAt: row.created,
    lifecycle: { stage: row.stage, history },
    platform: platformBlock(row, rnd),
    hosting: hostingBlock(row),
    classification: classification(row),
    dataCategories: row.data,
    integrations: integrations(row),
    securityTestAct: securityTestAct(row, history, rnd),
    socProvider: socProvider(row, rnd),
  };
  const annotations = row.repo
    ? { 'qaztech.kz/source-location': `${GIT_HOST}/${row.owner}/${name}` }
    : undefined;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name,
      title: row.ru,
      description: row.purpose,
      annotations,
      tags: row.tags,
    },
    spec: {
      type: 'state-information-system',
      owner: `group:default/${row.owner}`,
      registry,
    },
  };
}

// ---------------------------------------------------------------------------
// Org entities

function buildBodyGroups(parties) {
  const parent = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'state-bodies',
      title: 'Государственные органы и организации',
      description:
        'Владельцы информационных систем реестра: государственные органы, местные исполнительные органы, государственные юридические лица и квазигосударственный сектор.',
    },
    spec: {
      type: 'organization',
      profile: { displayName: 'Государственные органы и организации' },
      children: BODIES.map(b => b.name),
    },
  };
  const bodies = BODIES.map(b => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: b.name,
      title: b.title,
      description: b.description,
      labels: { 'qaztech.kz/owner-kind': b.kind },
      annotations: { 'qaztech.kz/bin': parties.get(b.name).bin },
    },
    spec: {
      type: 'state-body',
      profile: { displayName: b.full },
      parent: 'state-bodies',
      children: [],
    },
  }));
  return [parent, ...bodies];
}

function buildRoleGroups() {
  return ROLES.map(([name, title, description]) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, title, description },
    spec: { type: 'role', profile: { displayName: title }, children: [] },
  }));
}

function buildUsers() {
  return PEOPLE.map(([name, displayName, body, roles]) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name },
    spec: {
      profile: { displayName, email: `${name}@${EMAIL_DOMAIN}` },
      memberOf: [body, ...roles.map(r => `qaztech-${r}`)],
    },
  }));
}

// ---------------------------------------------------------------------------
// National register export (flat records)

const REGISTER_COLUMNS = [
  'registryNumber',
  'name',
  'titleRu',
  'titleKk',
  'titleEn',
  'purpose',
  'ownerBin',
  'ownerName',
  'ownerKind',
  'operatorBin',
  'operatorName',
  'developerBin',
  'developerName',
  'legalActType',
  'legalActNumber',
  'legalActDate',
  'createdAt',
  'lifecycleStage',
  'onPlatform',
  'migrationDeadline',
  'exemptionDecisionNumber',
  'exemptionDecisionDate',
  'exemptionExpiresAt',
  'hostingKind',
  'hostingCountry',
  'critical',
  'confidentiality',
  'integrity',
  'availability',
  'dataCategories',
  'securityTestActNumber',
  'securityTestActDate',
  'securityTestActVersion',
];

function toRegisterRecord(system) {
  const r = system.spec.registry;
  const { migration, exemption } = r.platform;
  const act = r.securityTestAct;
  return {
    registryNumber: r.registryNumber,
    name: system.metadata.name,
    titleRu: r.title.ru,
    titleKk: r.title.kk,
    titleEn: r.title.en,
    purpose: r.purpose,
    ownerBin: r.parties.owner.bin,
    ownerName: r.parties.owner.name,
    ownerKind: r.ownerKind,
    operatorBin: r.parties.operator.bin,
    operatorName: r.parties.operator.name,
    developerBin: r.parties.developer.bin,
    developerName: r.parties.developer.name,
    legalActType: r.legalBasis.actType,
    legalActNumber: r.legalBasis.number,
    legalActDate: r.legalBasis.date,
    createdAt: r.createdAt,
    lifecycleStage: r.lifecycle.stage,
    onPlatform: r.platform.onPlatform,
    migrationDeadline: migration?.deadline ?? null,
    exemptionDecisionNumber: exemption?.decisionNumber ?? null,
    exemptionDecisionDate: exemption?.decisionDate ?? null,
    exemptionExpiresAt: exemption?.expiresAt ?? null,
    hostingKind: r.hosting.kind,
    hostingCountry: r.hosting.country,
    critical: r.classification.critical,
    confidentiality: r.classification.confidentiality,
    integrity: r.classification.integrity,
    availability: r.classification.availability,
    dataCategories: r.dataCategories,
    securityTestActNumber: act?.number ?? null,
    securityTestActDate: act?.date ?? null,
    securityTestActVersion: act?.version ?? null,
  };
}

// ---------------------------------------------------------------------------
// Validation: fail loudly rather than ship broken demo data

const ENTITY_NAME = /^[a-z0-9A-Z]([a-z0-9A-Z._-]*[a-z0-9A-Z])?$/;
const SYSTEM_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const TAG = /^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$/;
const STAGES = Object.keys(STAGE_PATHS);
const DATA_CATEGORIES = [
  'personal',
  'biometric',
  'restricted-official',
  'financial',
  'health',
  'open',
];
const KAZAKH_LETTERS = /[әғқңөұүһі]/i;

function check(condition, message) {
  if (!condition) throw new Error(`demo data invalid: ${message}`);
}

function checkUnique(values, what) {
  const seen = new Set();
  for (const v of values) {
    check(!seen.has(v), `duplicate ${what} ${v}`);
    seen.add(v);
  }
}

function validateEntityNames(entities) {
  for (const e of entities) {
    const n = e.metadata.name;
    check(ENTITY_NAME.test(n) && n.length <= 63, `invalid ${e.kind} name ${n}`);
    for (const tag of e.metadata.tags ?? []) {
      check(TAG.test(tag) && tag.length <= 63, `${n}: invalid tag ${tag}`);
    }
  }
  for (const kind of ['Group', 'User', 'System']) {
    checkUnique(
      entities.filter(e => e.kind === kind).map(e => e.metadata.name),
      `${kind} name`,
    );
  }
}

function validateOrg(groups, users) {
  const groupNames = new Set(groups.map(g => g.metadata.name));
  for (const g of groups) {
    for (const child of g.spec.children)
      check(
        groupNames.has(child),
        `${g.metadata.name}: unknown child ${child}`,
      );
    if (g.spec.parent) {
      check(
        groupNames.has(g.spec.parent),
        `${g.metadata.name}: unknown parent ${g.spec.parent}`,
      );
      const parent = groups.find(p => p.metadata.name === g.spec.parent);
      check(
        parent.spec.children.includes(g.metadata.name),
        `${g.metadata.name}: parent does not list it`,
      );
    }
    const bin = g.metadata.annotations?.['qaztech.kz/bin'];
    if (g.spec.type === 'state-body')
      check(isValidBin(bin), `${g.metadata.name}: invalid БИН ${bin}`);
  }
  for (const u of users) {
    for (const m of u.spec.memberOf)
      check(groupNames.has(m), `${u.metadata.name}: unknown group ${m}`);
  }
}

function validateSystem(s, ctx) {
  const n = s.metadata.name;
  const r = s.spec.registry;
  check(SYSTEM_NAME.test(n) && n.length <= 63, `invalid system name ${n}`);
  check(
    ctx.groupNames.has(s.spec.owner.replace('group:default/', '')),
    `${n}: dangling owner`,
  );
  check(/^ИС-\d{5}$/.test(r.registryNumber), `${n}: bad registry number`);
  check(
    KAZAKH_LETTERS.test(r.title.kk) || /^[A-Za-z]/.test(r.title.kk),
    `${n}: Kazakh title without Kazakh letters`,
  );
  for (const party of Object.values(r.parties)) {
    check(
      party && isValidBin(party.bin),
      `${n}: invalid party БИН ${party?.bin}`,
    );
  }
  check(
    ctx.securityOfficers.has(r.securityOfficer),
    `${n}: ${r.securityOfficer} is not a security officer`,
  );
  checkDates(n, r);
  checkPlatform(n, r);
  check(
    r.dataCategories.length > 0 &&
      r.dataCategories.every(c => DATA_CATEGORIES.includes(c)),
    `${n}: bad data categories`,
  );
  for (const i of r.integrations) {
    check(
      ctx.systemNames.has(i.system) && i.system !== n,
      `${n}: dangling integration ${i.system}`,
    );
  }
}

function checkDates(n, r) {
  const dates = [
    r.createdAt,
    r.legalBasis.date,
    ...r.lifecycle.history.map(h => h.date),
  ];
  if (r.securityTestAct) dates.push(r.securityTestAct.date);
  if (r.platform.exemption) dates.push(r.platform.exemption.decisionDate);
  for (const d of dates)
    check(isIsoDate(d) && d <= LAST_DATE, `${n}: bad or future date ${d}`);
  const h = r.lifecycle.history;
  check(STAGES.includes(r.lifecycle.stage), `${n}: unknown stage`);
  check(
    h[0].date === r.createdAt && h[h.length - 1].stage === r.lifecycle.stage,
    `${n}: history does not match`,
  );
  for (let i = 1; i < h.length; i++)
    check(h[i - 1].date < h[i].date, `${n}: history not ascending`);
  check(r.legalBasis.date <= r.createdAt, `${n}: legal act after creation`);
}

function checkPlatform(n, r) {
  const { onPlatform, migration, exemption } = r.platform;
  const legacy = r.createdAt < MORATORIUM_START;
  check(
    !onPlatform || r.hosting.kind === 'platform',
    `${n}: on-platform system hosted elsewhere`,
  );
  check(
    onPlatform || r.hosting.kind !== 'platform',
    `${n}: off-platform system hosted on the platform`,
  );
  check(
    !migration || (!onPlatform && legacy),
    `${n}: migration plan on a non-legacy system`,
  );
  check(
    !exemption || (!onPlatform && !legacy),
    `${n}: exemption on a legacy or platform system`,
  );
  if (exemption)
    check(
      exemption.decisionDate >= r.createdAt,
      `${n}: exemption before the request`,
    );
}

/** The demo scenarios rely on these minimums (see the task brief). */
function validateCoverage(systems, users) {
  const regs = systems.map(s => s.spec.registry);
  const count = f => regs.filter(f).length;
  const isNew = r => r.createdAt >= MORATORIUM_START;
  check(systems.length >= 64, 'fewer than 64 systems');
  for (const stage of STAGES)
    check(
      count(r => r.lifecycle.stage === stage) >= 3,
      `fewer than 3 systems in ${stage}`,
    );
  check(
    count(isNew) >= 8,
    'fewer than 8 systems created after the moratorium start',
  );
  check(
    count(r => isNew(r) && r.platform.onPlatform) >= 1,
    'no new on-platform system',
  );
  check(count(r => r.platform.exemption) >= 3, 'fewer than 3 exemptions');
  check(
    count(r => r.platform.exemption?.expiresAt < LAST_DATE) >= 1,
    'no expired exemption',
  );
  check(
    count(r => isNew(r) && !r.platform.onPlatform && !r.platform.exemption) >=
      3,
    'fewer than 3 violations',
  );
  const withMigration = regs.filter(r => r.platform.migration);
  check(withMigration.length >= 15, 'fewer than 15 migrating legacy systems');
  check(
    withMigration.some(
      r => r.platform.migration.deadline < NATIONAL_MIGRATION_TARGET,
    ),
    'no past migration deadline',
  );
  check(
    withMigration.some(
      r => r.platform.migration.deadline > NATIONAL_MIGRATION_TARGET,
    ),
    'no future migration deadline',
  );
  check(
    count(r => r.classification.critical) >= 6,
    'fewer than 6 critical systems',
  );
  check(
    count(
      r => r.hosting.country !== 'KZ' && r.dataCategories.includes('personal'),
    ) >= 1,
    'no personal data abroad',
  );
  check(
    count(
      r => r.lifecycle.stage === 'industrial-operation' && !r.securityTestAct,
    ) >= 1,
    'every industrial system has a test act',
  );
  for (const kind of [
    'state-body',
    'local-executive-body',
    'state-legal-entity',
    'quasi-state-organisation',
  ]) {
    check(
      count(r => r.ownerKind === kind) >= 2,
      `fewer than 2 systems of ${kind}`,
    );
  }
  check(
    count(r => r.ownerKind === 'non-state-integrated') >= 1,
    'no non-state integrated system',
  );
  const inRole = role => users.filter(u => u.spec.memberOf.includes(role));
  check(
    inRole('qaztech-commission-members').length >= 5,
    'fewer than 5 commission members',
  );
  check(
    inRole('qaztech-commission-secretaries')
      .map(u => u.metadata.name)
      .join() === 'gulnara.akhmetova',
    'secretary',
  );
}

function validateAll({ groups, users, systems, parties }) {
  for (const [key, party] of parties)
    check(isValidBin(party.bin), `${key}: invalid БИН ${party.bin}`);
  checkUnique(
    [...parties.values()].map(p => p.bin),
    'БИН',
  );
  validateEntityNames([...groups, ...users, ...systems]);
  validateOrg(groups, users);
  const ctx = {
    groupNames: new Set(groups.map(g => g.metadata.name)),
    systemNames: new Set(systems.map(s => s.metadata.name)),
    securityOfficers: new Set(
      users
        .filter(u => u.spec.memberOf.includes('qaztech-security-officers'))
        .map(u => `user:default/${u.metadata.name}`),
    ),
  };
  for (const s of systems) validateSystem(s, ctx);
  checkUnique(
    systems.map(s => s.spec.registry.registryNumber),
    'registry number',
  );
  validateCoverage(systems, users);
}

// ---------------------------------------------------------------------------
// Serialisation: a tiny YAML emitter (block style, JSON-quoted strings)

const RESERVED_PLAIN = /^(true|false|yes|no|on|off|y|n|null|~)$/i;

/** Strings that read back as themselves when left unquoted. */
function isPlainSafe(s) {
  return (
    /^[A-Za-z][A-Za-z0-9._/:-]*$/.test(s) &&
    !RESERVED_PLAIN.test(s) &&
    !/:$/.test(s)
  );
}

function yamlScalar(value) {
  if (value === null) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number')
    return String(value);
  return isPlainSafe(value) ? value : JSON.stringify(value);
}

const isPlainObject = v =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const defined = obj => Object.entries(obj).filter(([, v]) => v !== undefined);

function yamlLines(value, indent) {
  const pad = ' '.repeat(indent);
  const lines = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isPlainObject(item)) {
        const [first, ...rest] = yamlLines(item, indent + 2);
        lines.push(`${pad}- ${first.trimStart()}`, ...rest);
      } else {
        lines.push(`${pad}- ${yamlScalar(item)}`);
      }
    }
    return lines;
  }
  for (const [key, v] of defined(value)) {
    const k = yamlScalar(key);
    if (Array.isArray(v) && v.length === 0) lines.push(`${pad}${k}: []`);
    else if (Array.isArray(v))
      lines.push(`${pad}${k}:`, ...yamlLines(v, indent));
    else if (isPlainObject(v))
      lines.push(`${pad}${k}:`, ...yamlLines(v, indent + 2));
    else lines.push(`${pad}${k}: ${yamlScalar(v)}`);
  }
  return lines;
}

function toYamlDocuments(entities, header) {
  const docs = entities.map(e => `---\n${yamlLines(e, 0).join('\n')}\n`);
  return `# ${header}\n# Generated by scripts/generate-demo-data.mjs; edit the script, not this file.\n${docs.join(
    '',
  )}`;
}

function csvField(value) {
  const text =
    value === null || value === undefined
      ? ''
      : Array.isArray(value)
      ? value.join(';')
      : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function toCsv(records) {
  const rows = [
    REGISTER_COLUMNS,
    ...records.map(r => REGISTER_COLUMNS.map(c => r[c])),
  ];
  return rows.map(row => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------

function writeOutput(relativePath, content) {
  const file = join(ROOT, relativePath);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content, 'utf8');
  return relativePath;
}

function summary(systems, users) {
  const regs = systems.map(s => s.spec.registry);
  const tally = f =>
    regs.reduce((acc, r) => ({ ...acc, [f(r)]: (acc[f(r)] ?? 0) + 1 }), {});
  const roles = {};
  for (const u of users)
    for (const g of u.spec.memberOf.filter(m => m.startsWith('qaztech-')))
      roles[g] = (roles[g] ?? 0) + 1;
  return {
    systems: systems.length,
    byStage: tally(r => r.lifecycle.stage),
    onPlatform: tally(r => r.platform.onPlatform),
    ownerKind: tally(r => r.ownerKind),
    createdSinceMoratorium: regs.filter(r => r.createdAt >= MORATORIUM_START)
      .length,
    exemptions: regs.filter(r => r.platform.exemption).length,
    migrating: regs.filter(r => r.platform.migration).length,
    critical: regs.filter(r => r.classification.critical).length,
    peopleByRole: roles,
  };
}

function main() {
  const parties = buildParties();
  const groups = [...buildBodyGroups(parties), ...buildRoleGroups()];
  const users = buildUsers();
  const ctx = {
    parties,
    bodiesByName: new Map(BODIES.map(b => [b.name, b])),
    nextRegistryNumber: registryNumberAllocator(),
  };
  const systems = SYSTEMS.map(row => buildSystem(row, ctx));
  const regional = regionalRows().map(row => buildSystem(row, ctx));
  validateAll({ groups, users, systems: [...systems, ...regional], parties });

  const bodyGroups = groups.filter(g => g.spec.type !== 'role');
  const roleGroups = groups.filter(g => g.spec.type === 'role');
  const records = systems.map(toRegisterRecord);
  const written = [
    writeOutput(
      'examples/org/state-bodies.yaml',
      toYamlDocuments(
        bodyGroups,
        'State bodies that own information systems (Group, spec.type: state-body).',
      ),
    ),
    writeOutput(
      'examples/org/roles.yaml',
      toYamlDocuments(
        roleGroups,
        'QazTech role groups (Group, spec.type: role).',
      ),
    ),
    writeOutput(
      'examples/org/people.yaml',
      toYamlDocuments(users, 'Demo people (User); all names are fictional.'),
    ),
    writeOutput(
      'examples/systems/state-information-systems.yaml',
      toYamlDocuments(
        systems,
        'State information systems (System, spec.type: state-information-system); fictional.',
      ),
    ),
    writeOutput(
      'examples/register/national-register.json',
      `${JSON.stringify(
        { exportedAt: EXPORTED_AT, systems: records },
        null,
        2,
      )}\n`,
    ),
    writeOutput('examples/register/national-register.csv', toCsv(records)),
    writeOutput(
      'examples/register/regional-register.csv',
      toCsv(regional.map(toRegisterRecord)),
    ),
  ];
  process.stdout.write(
    `${written.map(f => `wrote ${f}`).join('\n')}\n${JSON.stringify(
      summary(systems, users),
      null,
      2,
    )}\n`,
  );
}

main();
