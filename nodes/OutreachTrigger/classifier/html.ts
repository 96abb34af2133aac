/** The reply classifier reads HTML bodies with the shared one-pass reader (every adapter uses it too). */
export { htmlToText, looksLikeHtml } from '../../shared/candidate/html';
