import { createTranslationRef } from '@backstage/frontend-plugin-api';

/**
 * The app's own texts. English here is the fallback; Russian (the default
 * language) and Kazakh are in the resources next to this file.
 */
export const qaztechAppTranslationRef = createTranslationRef({
  id: 'qaztech-app',
  messages: {
    signIn: {
      title: 'Sign in to QazTech',
      subtitle: 'The national developer platform of the Republic of Kazakhstan',
      demoTitle: 'Demo sign-in',
      demoDescription:
        'Choose a person to act in their role. Demo sign-in exists only in development.',
      otherUser: 'Another catalog user',
      userNameLabel: 'User name (for example, gulnara.akhmetova)',
      signInAs: 'Sign in',
      signingIn: 'Signing in…',
      failed: 'Could not sign in as {{user}}: {{error}}',
      oidcTitle: 'Government identity provider',
      oidcMessage: 'Sign in with your organisation account',
      language: 'Language',
    },
    roles: {
      developer: 'Government developer',
      digitalHead: 'Agency digitalization head',
      platformArchitect: 'Platform architect',
      secretary: 'Commission secretary',
      commissionMember: 'Commission member',
      securityOfficer: 'Security officer',
      auditor: 'Auditor',
      admin: 'Platform administrator',
    },
    home: {
      widgetTitle: 'QazTech',
      greeting: 'Welcome, {{name}}',
      lead: 'Every state {{systems}} is built and run on one sovereign platform.',
      register:
        '{{registry}}: every system with validated registry data, imported from the national register.',
      moratorium:
        'Moratorium: since 1 January 2026 a new system outside the platform needs an exemption from the Commission on digitalization.',
      readiness:
        'Security readiness: every system is scored against the security checks and signed off by security officers.',
      catalogLink: 'Open the catalog',
      createLink: 'Create a service',
      widgets: {
        starred: 'Starred',
        recentlyVisited: 'Recently visited',
      },
    },
    catalog: {
      list: {
        all: 'All {{kinds}}',
        owned: 'Owned {{kinds}}',
        starred: 'Starred {{kinds}}',
      },
      kind: {
        system: 'System',
        component: 'Component',
        api: 'API',
        group: 'Group',
        user: 'User',
        resource: 'Resource',
        location: 'Location',
        domain: 'Domain',
        template: 'Template',
      },
      kinds: {
        system: 'systems',
        component: 'components',
        api: 'APIs',
        group: 'groups',
        user: 'users',
        resource: 'resources',
        location: 'locations',
        domain: 'domains',
        template: 'templates',
        other: 'entities',
      },
    },
    search: {
      resultType: 'Result type',
      softwareCatalog: 'Catalog',
      documentation: 'Documentation',
      entity: 'Entity',
      kind: 'Kind',
      lifecycle: 'Lifecycle',
    },
    nav: {
      search: 'Search',
      menu: 'Menu',
      settings: 'Settings',
      home: 'Home',
      catalog: 'Catalog',
      registry: 'Register',
      moratorium: 'Exemptions',
      securityReadiness: 'Security',
      create: 'Create',
      apis: 'APIs',
      docs: 'Docs',
      settingsPage: 'Settings',
      catalogGraph: 'Catalog graph',
      catalogImport: 'Register existing component',
      visualizer: 'App structure',
      notifications: 'Notifications',
    },
  },
});
