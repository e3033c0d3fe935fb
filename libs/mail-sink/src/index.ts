export { startMailSink, type MailSink, type MailSinkOptions, type SunkMail } from './mail-sink';
export { startMailPage, type MailPage } from './mail-page';
