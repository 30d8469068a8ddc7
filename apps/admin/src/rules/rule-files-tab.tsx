import { CheckCircleOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Input, Row, Space, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiProblem, ok, type Schemas } from '../api/client';
import { dayjs } from '../format/dates';
import { type RuleFileName, type RuleProblem, ruleProblemsOf } from './rule-problems';
import { YamlEditor } from './yaml-editor';

type Files = Record<RuleFileName, string>;
type Outcome = Schemas['SubmitRulesResponse'];

/** Above this a file is refused by the API (512 KiB); checked here so nothing is sent in vain. */
const MAX_FILE_BYTES = 512 * 1024;

/**
 * tenant.yaml and units.yaml to edit in place or upload, checked by the API exactly as the CLI
 * checks a folder: every problem is shown at its line. "Kiểm tra" runs the check and shows what
 * would change (dry run); "Áp dụng" applies, after a confirmation, as a new rule version.
 */
export function RuleFilesTab({ onApplied }: { onApplied: (version: number) => void }) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const stored = useQuery({ queryKey: ['rules', 'files'], queryFn: () => ok(api.GET('/api/v1/rules/files')) });
  const [files, setFiles] = useState<Files | null>(null);
  const [effectiveFrom, setEffectiveFrom] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<RuleProblem[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    if (stored.data && !files) setFiles({ 'tenant.yaml': stored.data.tenantYaml, 'units.yaml': stored.data.unitsYaml });
  }, [stored.data, files]);

  const submit = useMutation({
    mutationFn: (dryRun: boolean) =>
      ok(
        api.POST('/api/v1/rules', {
          body: {
            tenantYaml: files!['tenant.yaml'],
            unitsYaml: files!['units.yaml'],
            effectiveFrom,
            note: note.trim() || undefined,
            dryRun,
          },
        }),
      ),
    onMutate: () => {
      setProblems([]);
      setRefusal(null);
      setOutcome(null);
    },
    onSuccess: async (result, dryRun) => {
      setOutcome(result);
      if (dryRun || !result.changed) return;
      await queryClient.invalidateQueries({ queryKey: ['rules'] });
      message.success(`Đã áp dụng phiên bản quy tắc ${result.latestVersion?.version}.`);
      setFiles(null);
      if (result.latestVersion && result.latestVersion.version > 1) onApplied(result.latestVersion.version);
    },
    onError: (error) => {
      const placed = error instanceof ApiProblem ? ruleProblemsOf(error.fields) : [];
      setProblems(placed);
      setRefusal(error.message);
    },
  });

  const edit = (file: RuleFileName, text: string) => {
    setFiles((current) => (current ? { ...current, [file]: text } : current));
    setOutcome(null);
  };
  const load = async (file: RuleFileName, picked: File) => {
    if (picked.size > MAX_FILE_BYTES) {
      message.error(`Tệp ${picked.name} lớn hơn 512 KB.`);
      return;
    }
    edit(file, await picked.text());
    message.success(`Đã nạp ${picked.name} vào ô ${file}. Bấm "Kiểm tra" để xem thay đổi.`);
  };
  const apply = () =>
    modal.confirm({
      title: 'Áp dụng tệp quy tắc?',
      content: 'Khi quy tắc thay đổi, một phiên bản mới được lưu và có hiệu lực từ ngày của nó; các phiên bản cũ vẫn được giữ.',
      okText: 'Áp dụng',
      cancelText: 'Huỷ',
      onOk: () => submit.mutateAsync(false).catch(() => undefined),
    });

  if (stored.isError) return <Alert type="error" showIcon message={stored.error.message} />;
  if (!files) return null;

  const fileEditor = (file: RuleFileName, id: string) => (
    <Card
      size="small"
      title={file}
      extra={
        <Upload
          accept=".yaml,.yml,text/yaml"
          showUploadList={false}
          beforeUpload={(picked) => {
            void load(file, picked);
            return Upload.LIST_IGNORE;
          }}
        >
          <Button icon={<UploadOutlined />} aria-label={`Tải tệp ${file} lên`}>
            Tải tệp lên
          </Button>
        </Upload>
      }
    >
      <YamlEditor
        id={id}
        label={`Nội dung ${file}`}
        value={files[file]}
        onChange={(text) => edit(file, text)}
        problems={problems.filter((p) => p.file === file)}
      />
    </Card>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ margin: 0 }}>
        Sửa trực tiếp hoặc tải lên tệp đã sửa, rồi bấm <strong>Kiểm tra</strong> để xem lỗi (nếu có) và những gì sẽ thay đổi. units.yaml
        được viết lại từ cây đơn vị đang lưu (không giữ chú thích); các đơn vị thêm trên màn hình Đơn vị không có trong tệp và không bị ảnh
        hưởng.
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          {fileEditor('tenant.yaml', 'rules-tenant-yaml')}
        </Col>
        <Col xs={24} xl={10}>
          {fileEditor('units.yaml', 'rules-units-yaml')}
        </Col>
      </Row>
      <Space wrap align="end">
        <Space direction="vertical" size={2}>
          <label htmlFor="rules-effective-from">Có hiệu lực từ (khi tệp không ghi effectiveFrom)</label>
          <DatePicker
            id="rules-effective-from"
            format="DD/MM/YYYY"
            allowClear
            value={effectiveFrom ? dayjs(effectiveFrom, 'YYYY-MM-DD') : null}
            onChange={(d) => setEffectiveFrom(d ? d.format('YYYY-MM-DD') : undefined)}
          />
        </Space>
        <Space direction="vertical" size={2}>
          <label htmlFor="rules-note">Ghi chú (ví dụ: số quyết định sửa đổi)</label>
          <Input id="rules-note" value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} style={{ width: 320 }} />
        </Space>
      </Space>
      <Space wrap>
        <Button icon={<CheckCircleOutlined />} loading={submit.isPending && submit.variables} onClick={() => submit.mutate(true)}>
          Kiểm tra
        </Button>
        <Button type="primary" loading={submit.isPending && !submit.variables} onClick={apply}>
          Áp dụng
        </Button>
        <Button
          onClick={() => {
            setFiles(null);
            setProblems([]);
            setRefusal(null);
            setOutcome(null);
            void stored.refetch();
          }}
        >
          Bỏ các sửa đổi
        </Button>
      </Space>
      <div aria-live="polite">
        {refusal && (
          <Alert
            type="error"
            showIcon
            message={refusal}
            description={problems.length > 0 ? 'Mỗi lỗi được ghi dưới tệp của nó; bấm vào số dòng để tới dòng đó.' : undefined}
          />
        )}
        {outcome && <OutcomeView outcome={outcome} />}
      </div>
    </Space>
  );
}

function OutcomeView({ outcome }: { outcome: Outcome }) {
  const title = outcome.dryRun
    ? 'Tệp hợp lệ. Nếu áp dụng, sẽ có các thay đổi sau:'
    : outcome.changed
      ? `Đã áp dụng. Phiên bản mới nhất: ${outcome.latestVersion?.version}.`
      : 'Tệp hợp lệ và không có gì thay đổi.';
  return (
    <Card size="small" title={title}>
      <ul className="cong-lines" aria-label="Kết quả kiểm tra">
        {outcome.plan.map((line, i) => (
          <li key={i}>
            <code>{line}</code>
          </li>
        ))}
      </ul>
    </Card>
  );
}
