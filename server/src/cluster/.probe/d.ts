export function later() { return import('./a'); }
