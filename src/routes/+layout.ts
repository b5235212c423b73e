// Every page is server-rendered and works as plain HTML forms and links, so by default no
// JavaScript is sent at all: pages stay small on cheap phones and slow connections. A page that
// truly needs the browser (the asset map) turns client-side rendering back on for itself.
export const csr = false;
