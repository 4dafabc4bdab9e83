export function later() { return import('./b'); }
