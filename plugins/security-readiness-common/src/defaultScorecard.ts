import type { LifecycleStage } from '@qaztech/plugin-registry-common';
import { DEFAULT_LEVELS } from './levels';
import type { CheckDefinition, Scorecard } from './types';

/**
 * The fact types the default scorecard reads, and what their values look
 * like; collectors and CI push facts of these types.
 *
 * - `findings`: `{ findings: [{ id, severity, openedAt, closedAt? }] }` from a
 *   scanner or tracker;
 * - `openssf-scorecard`: an OpenSSF Scorecard result (`{ score, checks: [{
 *   name, score }] }`) for the system's repository;
 * - `vulnerabilities`: `{ critical, high, medium, low }` known in the code
 *   and its dependencies;
 * - `tls-probe`: `{ approvedCrypto: boolean, governmentIdpLogin: boolean }`
 *   from a probe of the system's public endpoint.
 *
 * @public
 */
export const DEFAULT_FACT_TYPES = {
  findings: 'findings',
  openssfScorecard: 'openssf-scorecard',
  vulnerabilities: 'vulnerabilities',
  tlsProbe: 'tls-probe',
} as const;

// Stages in which a system is being built or runs (not planned, not
// decommissioned).
const BUILDING: LifecycleStage[] = [
  'creation',
  'pilot-operation',
  'industrial-operation',
  'development',
];
// Stages in which a system runs for users, pilot included: the test act is
// obtained during pilot operation, before industrial operation.
const OPERATING: LifecycleStage[] = [
  'pilot-operation',
  'industrial-operation',
  'development',
];
const NOT_DECOMMISSIONED: LifecycleStage[] = ['planned', ...BUILDING];

/**
 * The 13 default checks of the security readiness scorecard (DOMAIN.md);
 * their weights sum to 100.
 *
 * @public
 */
export const DEFAULT_CHECKS: CheckDefinition[] = [
  {
    id: 'record-complete',
    area: 'governance',
    title: {
      ru: 'Запись в реестре полная и достоверная (БИН, правовое основание, регистрационный номер)',
      kk: 'Тізілімдегі жазба толық және дұрыс (БСН, құқықтық негіз, тіркеу нөмірі)',
      en: 'Register record complete and valid (BIN, legal basis, registry number)',
    },
    remediation: {
      ru: 'Укажите регистрационный номер системы на портале архитектуры «электронного правительства», правовое основание (вид, номер и дата акта) и верные БИН владельца, оператора и разработчика.',
      kk: '«Электрондық үкімет» архитектуралық порталындағы жүйенің тіркеу нөмірін, құқықтық негізді (актінің түрі, нөмірі және күні) және иесінің, операторының және әзірлеушінің дұрыс БСН-ін көрсетіңіз.',
      en: 'Enter the registry number from the e-government architecture portal, the legal basis (act type, number and date) and valid BINs of the owner, operator and developer.',
    },
    weight: 5,
    evaluation: { kind: 'entity', rule: 'record-complete' },
  },
  {
    id: 'security-governance',
    area: 'governance',
    title: {
      ru: 'Назначен ответственный за информационную безопасность, документы по ИБ утверждены',
      kk: 'Ақпараттық қауіпсіздікке жауапты тұлға тағайындалған, АҚ құжаттары бекітілген',
      en: 'Security officer named, security documents approved',
    },
    remediation: {
      ru: 'Назначьте ответственного за информационную безопасность, утвердите политику и документы по ИБ и попросите офицера безопасности подтвердить это, приложив приказ.',
      kk: 'Ақпараттық қауіпсіздікке жауапты тұлғаны тағайындаңыз, АҚ саясаты мен құжаттарын бекітіңіз және қауіпсіздік офицерінен бұйрықты қоса беріп, мұны растауды сұраңыз.',
      en: 'Name the person responsible for information security, approve the security policy and documents, and ask a security officer to attest it with the order attached.',
    },
    weight: 5,
    applicability: { lifecycleStages: BUILDING },
    evaluation: { kind: 'attestation' },
  },
  {
    id: 'test-act',
    area: 'assurance',
    title: {
      ru: 'Действующий акт испытаний на соответствие требованиям ИБ, покрывающий развёрнутую версию',
      kk: 'Орнатылған нұсқаны қамтитын АҚ талаптарына сәйкестікке жарамды сынақ актісі',
      en: 'Valid security test act covering the deployed version',
    },
    remediation: {
      ru: 'Пройдите испытания развёрнутой версии в Государственной технической службе, внесите номер, дату и версию акта в запись реестра и публикуйте развёрнутую версию в аннотации qaztech.kz/release-version.',
      kk: 'Орнатылған нұсқаны Мемлекеттік техникалық қызметте сынақтан өткізіңіз, актінің нөмірін, күнін және нұсқасын тізілім жазбасына енгізіңіз және орнатылған нұсқаны qaztech.kz/release-version аннотациясында жариялаңыз.',
      en: 'Have the deployed version tested by the State Technical Service, enter the act’s number, date and version in the register record, and publish the deployed version in the qaztech.kz/release-version annotation.',
    },
    weight: 15,
    criticalWeightFactor: 1.5,
    applicability: { lifecycleStages: OPERATING },
    evaluation: { kind: 'entity', rule: 'test-act-covers-release' },
    hardGate: { rule: 'operating-without-test-act' },
  },
  {
    id: 'overdue-findings',
    area: 'assurance',
    title: {
      ru: 'Нет просроченных замечаний по безопасности (высокие > 30 дн., средние > 90 дн., низкие > 180 дн.)',
      kk: 'Мерзімі өткен қауіпсіздік ескертулері жоқ (жоғары > 30 күн, орташа > 90 күн, төмен > 180 күн)',
      en: 'No overdue security findings (high > 30 days, medium > 90 days, low > 180 days)',
    },
    remediation: {
      ru: 'Устраняйте замечания в срок: критические и высокие — 30 дней, средние — 90, низкие — 180. Сканер или трекер должен передавать замечания в платформу.',
      kk: 'Ескертулерді мерзімінде жойыңыз: сыни және жоғары — 30 күн, орташа — 90, төмен — 180. Сканер немесе трекер ескертулерді платформаға жіберуі тиіс.',
      en: 'Fix findings in time: critical and high within 30 days, medium within 90, low within 180. Your scanner or tracker must send its findings to the platform.',
    },
    weight: 10,
    criticalWeightFactor: 1.5,
    applicability: { lifecycleStages: BUILDING },
    evaluation: {
      kind: 'facts',
      factType: DEFAULT_FACT_TYPES.findings,
      rule: 'overdue-findings',
    },
  },
  {
    id: 'branch-protection',
    area: 'secure-development',
    title: {
      ru: 'Защита веток и обязательное ревью кода',
      kk: 'Тармақтарды қорғау және кодты міндетті тексеру',
      en: 'Branch protection and mandatory code review',
    },
    remediation: {
      ru: 'Включите защиту основной ветки (без прямых push, с обязательными проверками) и требуйте одобрения каждого изменения другим разработчиком.',
      kk: 'Негізгі тармақты қорғауды қосыңыз (тікелей push жоқ, міндетті тексерулермен) және әр өзгерісті басқа әзірлеушінің мақұлдауын талап етіңіз.',
      en: 'Protect the main branch (no direct pushes, required status checks) and require another developer’s approval of every change.',
    },
    weight: 8,
    applicability: { lifecycleStages: BUILDING },
    evaluation: {
      kind: 'facts',
      factType: DEFAULT_FACT_TYPES.openssfScorecard,
      rule: 'openssf-checks',
      params: { checks: ['Branch-Protection', 'Code-Review'] },
    },
  },
  {
    id: 'static-analysis',
    area: 'secure-development',
    title: {
      ru: 'Статический анализ в CI, нет известных критических и высоких уязвимостей',
      kk: 'CI-де статикалық талдау, белгілі сыни және жоғары осалдықтар жоқ',
      en: 'Static analysis in CI, no known critical or high vulnerabilities',
    },
    remediation: {
      ru: 'Запускайте статический анализ (SAST) на каждое изменение и устраните критические и высокие уязвимости в коде и зависимостях.',
      kk: 'Әр өзгеріс үшін статикалық талдауды (SAST) іске қосыңыз және код пен тәуелділіктердегі сыни және жоғары осалдықтарды жойыңыз.',
      en: 'Run static analysis (SAST) on every change and fix critical and high vulnerabilities in the code and its dependencies.',
    },
    weight: 10,
    applicability: { lifecycleStages: BUILDING },
    evaluation: {
      kind: 'facts',
      factType: DEFAULT_FACT_TYPES.openssfScorecard,
      rule: 'openssf-checks',
      params: { checks: ['SAST'] },
      also: [
        {
          factType: DEFAULT_FACT_TYPES.vulnerabilities,
          rule: 'vulnerability-counts',
        },
      ],
    },
  },
  {
    id: 'dependencies',
    area: 'supply-chain',
    title: {
      ru: 'Зафиксированные зависимости, автоматическое обновление, SBOM',
      kk: 'Бекітілген тәуелділіктер, автоматты жаңарту құралы, SBOM',
      en: 'Pinned dependencies, update tooling, SBOM',
    },
    remediation: {
      ru: 'Фиксируйте версии зависимостей (lock-файлы, дайджесты образов), подключите Renovate или Dependabot и публикуйте SBOM с каждым релизом.',
      kk: 'Тәуелділік нұсқаларын бекітіңіз (lock-файлдар, бейне дайджесттері), Renovate немесе Dependabot қосыңыз және әр релизбен SBOM жариялаңыз.',
      en: 'Pin dependency versions (lock files, image digests), enable Renovate or Dependabot, and publish an SBOM with every release.',
    },
    weight: 5,
    applicability: { lifecycleStages: BUILDING },
    evaluation: {
      kind: 'facts',
      factType: DEFAULT_FACT_TYPES.openssfScorecard,
      rule: 'openssf-checks',
      params: {
        checks: ['Pinned-Dependencies', 'Dependency-Update-Tool', 'SBOM'],
      },
    },
  },
  {
    id: 'ci-hardening',
    area: 'supply-chain',
    title: {
      ru: 'Нет опасных процессов CI, токены с минимальными правами, нет бинарных файлов в репозитории',
      kk: 'Қауіпті CI процестері жоқ, ең аз құқықты токендер, репозиторийде бинарлық файлдар жоқ',
      en: 'No dangerous CI workflows, least-privilege tokens, no binaries in the repository',
    },
    remediation: {
      ru: 'Не выполняйте в CI непроверенный код из внешних изменений, ограничьте права токенов CI чтением и уберите бинарные файлы из репозитория.',
      kk: 'CI-де сыртқы өзгерістерден тексерілмеген кодты орындамаңыз, CI токендерінің құқықтарын оқумен шектеңіз және бинарлық файлдарды репозиторийден алып тастаңыз.',
      en: 'Never run untrusted code from outside changes in CI, limit CI tokens to read access, and remove binaries from the repository.',
    },
    weight: 5,
    applicability: { lifecycleStages: BUILDING },
    evaluation: {
      kind: 'facts',
      factType: DEFAULT_FACT_TYPES.openssfScorecard,
      rule: 'openssf-checks',
      params: {
        checks: ['Dangerous-Workflow', 'Token-Permissions', 'Binary-Artifacts'],
      },
    },
  },
  {
    id: 'hosting',
    area: 'hosting-and-data',
    title: {
      ru: 'Размещение на платформе или в одобренном ЦОД в Казахстане; персональные данные в Казахстане',
      kk: 'Платформада немесе Қазақстандағы мақұлданған ДӨО-да орналастыру; дербес деректер Қазақстанда',
      en: 'Hosted on the platform or an approved data centre in Kazakhstan; personal data in Kazakhstan',
    },
    remediation: {
      ru: 'Перенесите систему на платформу или в ЦОД государственного оператора; для собственного или коммерческого ЦОД в Казахстане передайте офицеру безопасности подтверждение его соответствия требованиям. Персональные данные храните только в Казахстане.',
      kk: 'Жүйені платформаға немесе мемлекеттік оператордың ДӨО-сына көшіріңіз; Қазақстандағы меншікті немесе коммерциялық ДӨО үшін қауіпсіздік офицеріне оның талаптарға сәйкестігінің растауын беріңіз. Дербес деректерді тек Қазақстанда сақтаңыз.',
      en: 'Move the system to the platform or the state operator’s data centre; for an own or commercial data centre in Kazakhstan, give a security officer proof that it meets the requirements. Keep personal data in Kazakhstan only.',
    },
    weight: 10,
    applicability: { lifecycleStages: BUILDING },
    evaluation: { kind: 'entity+attestation', rule: 'hosting-approved' },
    hardGate: { rule: 'personal-data-outside-kazakhstan' },
  },
  {
    id: 'crypto-and-login',
    area: 'crypto-and-access',
    title: {
      ru: 'TLS с одобренной криптографией, вход через государственный провайдер идентификации',
      kk: 'Мақұлданған криптографиясы бар TLS, мемлекеттік сәйкестендіру провайдері арқылы кіру',
      en: 'TLS with approved cryptography, login through the government identity provider',
    },
    remediation: {
      ru: 'Используйте TLS с сертифицированными средствами криптографической защиты и подключите вход пользователей через государственный провайдер идентификации (например, ЭЦП НУЦ РК).',
      kk: 'Сертификатталған криптографиялық қорғау құралдары бар TLS пайдаланыңыз және пайдаланушылардың мемлекеттік сәйкестендіру провайдері арқылы кіруін қосыңыз (мысалы, ҰКО ЭЦҚ).',
      en: 'Use TLS with certified cryptography and let users sign in through the government identity provider (for example with an NCA RK digital signature).',
    },
    weight: 5,
    applicability: { lifecycleStages: OPERATING },
    evaluation: {
      kind: 'facts-or-attestation',
      fact: {
        factType: DEFAULT_FACT_TYPES.tlsProbe,
        rule: 'boolean-fields',
        params: { fields: ['approvedCrypto', 'governmentIdpLogin'] },
      },
    },
  },
  {
    id: 'soc-monitoring',
    area: 'monitoring',
    title: {
      ru: 'Подключение к оперативному центру ИБ, журналы передаются и хранятся',
      kk: 'АҚ жедел орталығына қосылу, журналдар жіберіледі және сақталады',
      en: 'Connected to a security operations centre, logs shipped and retained',
    },
    remediation: {
      ru: 'Подключите систему к оперативному центру информационной безопасности (ОЦИБ), передавайте журналы событий безопасности и храните их установленный срок; попросите офицера безопасности подтвердить подключение договором или актом.',
      kk: 'Жүйені ақпараттық қауіпсіздіктің жедел орталығына (АҚЖО) қосыңыз, қауіпсіздік оқиғаларының журналдарын жіберіп, белгіленген мерзім сақтаңыз; қауіпсіздік офицерінен қосылуды шартпен немесе актімен растауды сұраңыз.',
      en: 'Connect the system to a security operations centre (ОЦИБ), ship security event logs and keep them for the required period; ask a security officer to attest the connection with the contract or act.',
    },
    weight: 10,
    criticalWeightFactor: 1.5,
    applicability: { lifecycleStages: OPERATING },
    evaluation: { kind: 'attestation' },
  },
  {
    id: 'restore-and-exercise',
    area: 'resilience',
    title: {
      ru: 'Проверка восстановления из резервной копии и учения по инцидентам за последние 12 месяцев',
      kk: 'Соңғы 12 айда сақтық көшірмеден қалпына келтіруді тексеру және инциденттер бойынша жаттығу',
      en: 'Restore test and incident exercise within the last 12 months',
    },
    remediation: {
      ru: 'Проведите восстановление из резервной копии и учения по реагированию на инцидент, оформите протоколы и передайте их офицеру безопасности с датой более раннего из двух мероприятий.',
      kk: 'Сақтық көшірмеден қалпына келтіруді және инциденттерге ден қою жаттығуын өткізіп, хаттамаларды рәсімдеңіз және оларды екі шараның ертерегінің күнімен бірге қауіпсіздік офицеріне беріңіз.',
      en: 'Run a restore from backup and an incident response exercise, write up the records and give them to a security officer with the date of the earlier of the two.',
    },
    weight: 7,
    criticalWeightFactor: 1.5,
    applicability: {
      lifecycleStages: ['industrial-operation', 'development'],
    },
    evaluation: {
      kind: 'attestation',
      validityMonths: 12,
      fromPerformedOn: true,
    },
  },
  {
    id: 'data-categories',
    area: 'privacy',
    title: {
      ru: 'Категории данных указаны; доступ к персональным данным контролируется',
      kk: 'Деректер санаттары көрсетілген; дербес деректерге қол жеткізу бақыланады',
      en: 'Data categories declared; personal-data access control integrated',
    },
    remediation: {
      ru: 'Укажите в записи категории обрабатываемых данных; если система обрабатывает персональные данные, интегрируйте её с сервисом контроля доступа к персональным данным и попросите офицера безопасности это подтвердить.',
      kk: 'Жазбада өңделетін деректер санаттарын көрсетіңіз; жүйе дербес деректерді өңдесе, оны дербес деректерге қол жеткізуді бақылау сервисімен біріктіріп, қауіпсіздік офицерінен мұны растауды сұраңыз.',
      en: 'Declare the categories of data in the record; if the system processes personal data, integrate it with the personal-data access control service and ask a security officer to attest it.',
    },
    weight: 5,
    applicability: { lifecycleStages: NOT_DECOMMISSIONED },
    evaluation: {
      kind: 'entity+attestation',
      rule: 'data-categories-declared',
    },
  },
];

/**
 * The default scorecard: the 13 checks, ready at 8.5, conditional at 6,
 * attestations valid 12 months, facts 30 days.
 *
 * @public
 */
export const DEFAULT_SCORECARD: Scorecard = {
  checks: DEFAULT_CHECKS,
  levels: DEFAULT_LEVELS,
  attestationValidityMonths: 12,
  factMaxAgeDays: 30,
};
