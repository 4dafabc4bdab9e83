import { KubeConfig } from '@kubernetes/client-node/dist/config.js';
console.log(typeof KubeConfig);
