import { createTranslationRef } from '@backstage/frontend-plugin-api';

/** Texts of the register's pickers in scaffolder forms. */
export const pickersTranslationRef = createTranslationRef({
  id: 'qaztech-pickers',
  messages: {
    searchHint: 'Type part of the title, registry number or name',
    loading: 'Searching…',
    nothingFound: 'Nothing found for «{{query}}»',
    moreResults: 'Showing the first {{amount}}; type more to narrow the list',
    failed: 'Could not search: {{error}}',
  },
  translations: {
    ru: () =>
      Promise.resolve({
        default: {
          searchHint:
            'Введите часть названия, регистрационного номера или имени',
          loading: 'Поиск…',
          nothingFound: 'По запросу «{{query}}» ничего не найдено',
          moreResults:
            'Показаны первые {{amount}}; уточните запрос, чтобы сузить список',
          failed: 'Не удалось выполнить поиск: {{error}}',
        },
      }),
    kk: () =>
      Promise.resolve({
        default: {
          searchHint:
            'Атауының, тіркеу нөмірінің немесе атының бөлігін енгізіңіз',
          loading: 'Іздеу…',
          nothingFound: '«{{query}}» бойынша ештеңе табылмады',
          moreResults:
            'Алғашқы {{amount}} көрсетілген; тізімді тарылту үшін сұрауды нақтылаңыз',
          failed: 'Іздеу мүмкін болмады: {{error}}',
        },
      }),
  },
});
