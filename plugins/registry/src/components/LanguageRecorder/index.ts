export { LanguageRecorder } from './LanguageRecorder';
