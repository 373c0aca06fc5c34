{{/* Name of the chart, overridable. */}}
{{- define "neo4j-guard.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name of every resource: the release name, plus the chart name unless the release name contains it.
53 = 63 (label value, Service name) minus the longest suffix we append ("-reconciler").
*/}}
{{- define "neo4j-guard.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 52 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "neo4j-guard.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels of every object. */}}
{{- define "neo4j-guard.labels" -}}
helm.sh/chart: {{ include "neo4j-guard.chart" . }}
app.kubernetes.io/name: {{ include "neo4j-guard.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Selector of the webhook pods. */}}
{{- define "neo4j-guard.webhookSelector" -}}
app.kubernetes.io/name: {{ include "neo4j-guard.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: webhook
{{- end }}

{{/* Selector of the reconciler pods. */}}
{{- define "neo4j-guard.reconcilerSelector" -}}
app.kubernetes.io/name: {{ include "neo4j-guard.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: reconciler
{{- end }}

{{/* The image: repository@digest when a digest is set, else repository:tag (default the appVersion). */}}
{{- define "neo4j-guard.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{- define "neo4j-guard.webhookServiceAccount" -}}
{{ include "neo4j-guard.fullname" . }}
{{- end }}

{{- define "neo4j-guard.reconcilerName" -}}
{{ include "neo4j-guard.fullname" . }}-reconciler
{{- end }}

{{/* The Secret the webhook serves from (and, in self-signed mode, keeps its CA in). */}}
{{- define "neo4j-guard.tlsSecret" -}}
{{- if eq .Values.certificates.mode "secret" }}
{{- .Values.certificates.secret.name }}
{{- else if and (eq .Values.certificates.mode "self-signed") .Values.certificates.selfSigned.secretName }}
{{- .Values.certificates.selfSigned.secretName }}
{{- else }}
{{- printf "%s-tls" (include "neo4j-guard.fullname" .) }}
{{- end }}
{{- end }}

{{/* Where a mounted TLS Secret appears in the container; in self-signed mode, where serve mirrors it. */}}
{{- define "neo4j-guard.certDir" -}}
/var/run/neo4j-guard/tls
{{- end }}

{{/* Annotations and caBundle of the webhook configurations, per certificate mode. */}}
{{- define "neo4j-guard.webhookAnnotations" -}}
{{- if eq .Values.certificates.mode "cert-manager" }}
cert-manager.io/inject-ca-from: {{ .Release.Namespace }}/{{ include "neo4j-guard.fullname" . }}
{{- end }}
{{- end }}

{{- define "neo4j-guard.clientConfig" -}}
service:
  name: {{ include "neo4j-guard.fullname" .root }}
  namespace: {{ .root.Release.Namespace }}
  port: {{ .root.Values.webhook.service.port }}
  path: {{ .path }}
{{- if eq .root.Values.certificates.mode "secret" }}
caBundle: {{ .root.Values.certificates.secret.caBundle }}
{{- end }}
{{- end }}

{{/* Rules, selectors and limits the two webhooks share (DESIGN §4 safe defaults). */}}
{{- define "neo4j-guard.webhookCommon" -}}
admissionReviewVersions: [v1]
sideEffects: None
timeoutSeconds: {{ .Values.webhook.timeoutSeconds }}
matchPolicy: Equivalent
rules:
  - apiGroups: [neo4j.neo4j.com]
    apiVersions: ["*"]
    operations: {{ toJson .Values.webhook.operations }}
    scope: Namespaced
    resources:
      - neo4jenterpriseclusters
      - neo4jenterprisestandalones
      - neo4jdatabases
      - neo4jplugins
      - neo4jbackups
      - neo4jrestores
      - neo4jusers
      - neo4jroles
      - neo4jrolebindings
      - neo4jauthrules
namespaceSelector:
  matchExpressions:
    - key: kubernetes.io/metadata.name
      operator: NotIn
      values: {{ toJson (uniq (append .Values.webhook.excludeNamespaces .Release.Namespace)) }}
    {{- with .Values.webhook.namespaceSelectorExpressions }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
{{- with .Values.webhook.objectSelector }}
objectSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/* Default anti-affinity: prefer different nodes for the pods of one component. */}}
{{- define "neo4j-guard.spreadOverNodes" -}}
podAntiAffinity:
  preferredDuringSchedulingIgnoredDuringExecution:
    - weight: 100
      podAffinityTerm:
        topologyKey: kubernetes.io/hostname
        labelSelector:
          matchLabels:
            {{- .selector | nindent 12 }}
{{- end }}

{{/*
Rules across values, which JSON Schema could only report as "'allOf' failed": each fails rendering (install,
upgrade, template and lint alike) with a message that names the fix. values.schema.json checks single values.
*/}}
{{- define "neo4j-guard.validate" -}}
{{- if and .Values.webhook.hostNetwork (eq (int .Values.webhook.port) 10250) }}
{{- fail "webhook.port=10250 with webhook.hostNetwork=true: on the node's network the kubelet already listens on 10250; choose another port (e.g. 9443) or turn hostNetwork off" }}
{{- end }}
{{- if eq (int .Values.webhook.port) (int .Values.webhook.metricsPort) }}
{{- fail "webhook.port and webhook.metricsPort must differ: one is HTTPS for the API server, the other plain HTTP for probes and Prometheus" }}
{{- end }}
{{- if and (eq .Values.certificates.mode "secret") (not (and .Values.certificates.secret.name .Values.certificates.secret.caBundle)) }}
{{- fail "certificates.mode=secret needs certificates.secret.name (your kubernetes.io/tls Secret in the release namespace) and certificates.secret.caBundle (base64 of the PEM CA that signed it)" }}
{{- end }}
{{- if and .Values.webhook.podDisruptionBudget.enabled (not (kindIs "string" .Values.webhook.podDisruptionBudget.minAvailable)) (ge (int .Values.webhook.podDisruptionBudget.minAvailable) (int .Values.webhook.replicas)) }}
{{- fail "webhook.podDisruptionBudget.minAvailable must be below webhook.replicas, or no node running one could ever be drained (for a single replica set webhook.podDisruptionBudget.enabled=false)" }}
{{- end }}
{{- end }}
