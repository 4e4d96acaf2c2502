/** Types for tools/k8s-validate.js (plain Node so that `npm test` runs it without a build). */
export declare function validateObjects(objects: unknown[]): string[];
export declare function parseManifests(text: string): unknown[];
export declare function renderKustomization(dir: string): string;
