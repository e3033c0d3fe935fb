import { onOff, port, text } from '../entries';

const root = (page: string) =>
  text({
    form: 'a directory path',
    defaultNote: 'dist/apps/<app>/public beside the server',
    description: `The built ${page} (npx nx build).`,
  });
const demoSignIn = (page: string) =>
  onOff({ default: 'on', description: `Outside production: the one-click development sign-in of the ${page} (never in production).` });

/** The dispatch board's server. */
export const boardPageGroup = {
  BOARD_PORT: port({ default: 4010, description: 'The port the dispatch board is served on.' }),
  BOARD_ROOT: root('dispatch board'),
  BOARD_DEMO_SIGN_IN: demoSignIn('dispatch board'),
} as const;

/** The Online Support Center's server. */
export const supportCenterPageGroup = {
  SUPPORT_CENTER_PORT: port({ default: 4020, description: 'The port the Online Support Center is served on.' }),
  SUPPORT_CENTER_ROOT: root('Online Support Center'),
  SUPPORT_CENTER_DEMO_SIGN_IN: demoSignIn('Online Support Center'),
  SUPPORT_CENTER_DEMO_CUSTOMER: text({
    default: 'Northwind Trading',
    description: 'The customer whose contacts the development sign-in offers.',
  }),
} as const;
