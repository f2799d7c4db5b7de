import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { qaztechAppTranslationRef } from './ref';

export default createTranslationMessages({
  ref: qaztechAppTranslationRef,
  full: true,
  messages: {
    'signIn.title': 'QazTech жүйесіне кіру',
    'signIn.subtitle': 'Қазақстан Республикасының ұлттық әзірлеу платформасы',
    'signIn.demoTitle': 'Демонстрациялық кіру',
    'signIn.demoDescription':
      'Оның рөлінде әрекет ету үшін пайдаланушыны таңдаңыз. Демонстрациялық кіру тек әзірлеу ортасында қолжетімді.',
    'signIn.otherUser': 'Каталогтың басқа пайдаланушысы',
    'signIn.userNameLabel': 'Пайдаланушы аты (мысалы, gulnara.akhmetova)',
    'signIn.signInAs': 'Кіру',
    'signIn.signingIn': 'Кіру орындалуда…',
    'signIn.failed': '{{user}} ретінде кіру мүмкін болмады: {{error}}',
    'signIn.oidcTitle': 'Мемлекеттік сәйкестендіру провайдері',
    'signIn.oidcMessage': 'Ұйымыңыздың есептік жазбасымен кіріңіз',
    'signIn.language': 'Тіл',
    'roles.developer': 'Мемлекеттік органның әзірлеушісі',
    'roles.digitalHead': 'Цифрландыру жөніндегі басшы',
    'roles.platformArchitect': 'Платформа сәулетшісі',
    'roles.secretary': 'Комиссия хатшысы',
    'roles.commissionMember': 'Комиссия мүшесі',
    'roles.securityOfficer': 'Ақпараттық қауіпсіздік жөніндегі маман',
    'roles.auditor': 'Аудитор',
    'roles.admin': 'Платформа әкімшісі',
    'home.widgetTitle': 'QazTech',
    'home.greeting': 'Қош келдіңіз, {{name}}',
    'home.lead':
      'Барлық мемлекеттік {{systems}} бірыңғай егеменді платформада құрылып, жұмыс істейді.',
    'home.register':
      '{{registry}}: ұлттық тізілімнен жүктелген, тексерілген есептік деректері бар әрбір жүйе.',
    'home.moratorium':
      'Мораторий: 2026 жылғы 1 қаңтардан бастап платформадан тыс жаңа жүйе тек Цифрландыруды енгізу мәселелері жөніндегі комиссия берген ерекшелік бойынша құрылады.',
    'home.readiness':
      'Қауіпсіздікке дайындық: әрбір жүйе ақпараттық қауіпсіздік тексерулері бойынша бағаланып, АҚ мамандарымен бекітіледі.',
    'home.catalogLink': 'Каталогты ашу',
    'home.createLink': 'Сервис құру',
    'nav.search': 'Іздеу',
    'nav.menu': 'Мәзір',
    'nav.settings': 'Баптаулар',
    'nav.home': 'Басты бет',
    'nav.catalog': 'Каталог',
    'nav.registry': 'Тізілім',
    'nav.moratorium': 'Ерекшеліктер',
    'nav.securityReadiness': 'Қауіпсіздік',
    'nav.create': 'Құру',
    'nav.apis': 'API',
    'nav.docs': 'Құжаттама',
    'nav.settingsPage': 'Баптаулар',
  },
});
