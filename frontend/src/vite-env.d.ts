/// <reference types="vite/client" />
declare module '@bpmn-io/form-js-viewer';
