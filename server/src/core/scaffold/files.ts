// What a scaffold produces: files with paths relative to the folder the user picked.

/**
 * What a file is: Kubernetes objects to apply with -f, a kustomization or a patch it uses (apply
 * with -k), Helm values, or a CNI config list for a node.
 */
export type FileFormat = 'manifest' | 'kustomization' | 'helm-values' | 'cni-config';

export interface ScaffoldFile {
  /** Relative, '/'-separated. */
  path: string;
  content: string;
  format: FileFormat;
}

export interface ScaffoldResult {
  files: ScaffoldFile[];
}
