import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { qaztechAppTranslationRef } from './ref';

export default createTranslationMessages({
  ref: qaztechAppTranslationRef,
  full: true,
  messages: {
    'signIn.title': 'Вход в QazTech',
    'signIn.subtitle': 'Национальная платформа разработки Республики Казахстан',
    'signIn.demoTitle': 'Демонстрационный вход',
    'signIn.demoDescription':
      'Выберите пользователя, чтобы действовать в его роли. Демонстрационный вход доступен только в среде разработки.',
    'signIn.otherUser': 'Другой пользователь каталога',
    'signIn.userNameLabel': 'Имя пользователя (например, gulnara.akhmetova)',
    'signIn.signInAs': 'Войти',
    'signIn.signingIn': 'Выполняется вход…',
    'signIn.failed': 'Не удалось войти как {{user}}: {{error}}',
    'signIn.oidcTitle': 'Государственный провайдер идентификации',
    'signIn.oidcMessage': 'Войдите с учётной записью вашей организации',
    'signIn.language': 'Язык',
    'roles.developer': 'Разработчик государственного органа',
    'roles.digitalHead': 'Руководитель по цифровизации',
    'roles.platformArchitect': 'Архитектор платформы',
    'roles.secretary': 'Секретарь комиссии',
    'roles.commissionMember': 'Член комиссии',
    'roles.securityOfficer': 'Специалист по информационной безопасности',
    'roles.auditor': 'Аудитор',
    'roles.admin': 'Администратор платформы',
    'home.widgetTitle': 'QazTech',
    'home.greeting': 'Добро пожаловать, {{name}}',
    'home.lead':
      'Все государственные {{systems}} создаются и работают на единой суверенной платформе.',
    'home.register':
      '{{registry}}: каждая система с проверенными учётными данными, загруженными из национального реестра.',
    'home.moratorium':
      'Мораторий: с 1 января 2026 года новая система вне платформы создаётся только по исключению, предоставленному Комиссией по вопросам внедрения цифровизации.',
    'home.readiness':
      'Готовность к безопасности: каждая система оценивается по проверкам информационной безопасности и утверждается специалистами по ИБ.',
    'home.catalogLink': 'Открыть каталог',
    'home.createLink': 'Создать сервис',
    'nav.search': 'Поиск',
    'nav.menu': 'Меню',
    'nav.settings': 'Настройки',
    'nav.home': 'Главная',
    'nav.catalog': 'Каталог',
    'nav.registry': 'Реестр',
    'nav.moratorium': 'Исключения',
    'nav.securityReadiness': 'Безопасность',
    'nav.create': 'Создать',
    'nav.apis': 'API',
    'nav.docs': 'Документация',
    'nav.settingsPage': 'Настройки',
  },
});
