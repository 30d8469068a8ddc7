import { DeleteOutlined, EditOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Tooltip, Tree, TreeSelect, Typography } from 'antd';
import type { TreeProps } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, ApiProblem, ok, type Schemas } from '../api/client';
import { sectionTree } from '../content/sections';
import { useMe, useSite, useSites, useUnits } from '../session/lookups';

type Node = Schemas['SectionNodeResponse'];

interface Located {
  node: Node;
  parent: Node | null;
  index: number;
}

/** Where a section is in the tree: its node, its parent, its place among its siblings. */
function locate(nodes: Node[], slug: string, parent: Node | null = null): Located | undefined {
  for (const [index, node] of nodes.entries()) {
    if (node.slug === slug) return { node, parent, index };
    const below = locate(node.children, slug, node);
    if (below) return below;
  }
  return undefined;
}

/**
 * A site's navigation: add, rename, move (drag and drop, or the dialog), reorder and remove
 * sections. The sections the rules prescribe for the unit's kind are marked and cannot be removed.
 * Unit heads arrange their sub-sites (and those of the units below), the IT centre any site.
 */
export function SectionsPage() {
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const sites = useSites();
  const units = useUnits();
  const client = useQueryClient();
  const { message } = App.useApp();
  const provinceWide = me.data?.memberships.some((m) => !m.unitId && m.role === 'tenant_admin') ?? false;
  const headed = useMemo(
    () =>
      unitsBelow(
        units.data ?? [],
        (me.data?.memberships ?? []).filter((m) => m.role === 'unit_head').map((m) => m.unitId),
      ),
    [units.data, me.data],
  );
  const mine = (sites.data ?? []).filter((s) => provinceWide || headed.has(s.key));
  const key = params.get('trang') ?? mine[0]?.key;
  const site = useSite(key);
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState<Node>();

  const refresh = (next: Schemas['SiteResponse']) => {
    client.setQueryData(['sites', key], next);
    void client.invalidateQueries({ queryKey: ['sites'] });
  };
  const failed = (error: unknown) => message.error(error instanceof ApiProblem ? error.message : 'Không thực hiện được.');
  const change = useMutation({
    mutationFn: ({ slug, body }: { slug: string; body: Schemas['SectionChangeRequest'] }) =>
      ok(api.PATCH('/api/v1/sites/{key}/sections/{slug}', { params: { path: { key: key!, slug } }, body })),
    onSuccess: (next) => {
      refresh(next);
      message.success('Đã lưu chuyên mục.');
    },
    onError: failed,
  });
  const add = useMutation({
    mutationFn: (body: Schemas['NewSectionRequest']) =>
      ok(api.POST('/api/v1/sites/{key}/sections', { params: { path: { key: key! } }, body })),
    onSuccess: (next) => {
      refresh(next);
      setAdding(false);
      message.success('Đã thêm chuyên mục.');
    },
    onError: failed,
  });
  const remove = useMutation({
    mutationFn: (slug: string) => ok(api.DELETE('/api/v1/sites/{key}/sections/{slug}', { params: { path: { key: key!, slug } } })),
    onSuccess: (next) => {
      refresh(next as Schemas['SiteResponse']);
      message.success('Đã xoá chuyên mục.');
    },
    onError: failed,
  });

  const sections = site.data?.sections ?? [];
  // antd's drop: onto a node (it becomes the parent, first child) or between nodes (same parent as the node dropped at).
  const dropped: TreeProps['onDrop'] = (info) => {
    const slug = String(info.dragNode.key);
    const target = locate(sections, String(info.node.key));
    const moving = locate(sections, slug);
    if (!target || !moving) return;
    if (!info.dropToGap) return change.mutate({ slug, body: { parent: target.node.slug, position: 0 } });
    const parent = target.parent?.slug ?? null;
    // The place after the target among its siblings, counted without the moving section itself.
    let position = info.dropPosition < 0 ? 0 : target.index + 1;
    if ((moving.parent?.slug ?? null) === parent && moving.index < position) position -= 1;
    change.mutate({ slug, body: { parent, position } });
  };

  const title = (node: Node) => (
    <Space size={4}>
      <span>{node.title}</span>
      {node.required && (
        <Tooltip title="Chuyên mục bắt buộc theo quy định của tỉnh: đổi tên, di chuyển được, không xoá được">
          <LockOutlined aria-label="bắt buộc" />
        </Tooltip>
      )}
      <Button size="small" type="text" icon={<EditOutlined />} aria-label={`Đổi tên ${node.title}`} onClick={() => setRenaming(node)} />
      {!node.required && (
        <Popconfirm
          title={`Xoá chuyên mục "${node.title}"?`}
          description="Chỉ xoá được chuyên mục không còn chuyên mục con và không còn tin bài."
          okText="Xoá"
          okButtonProps={{ danger: true }}
          cancelText="Huỷ"
          onConfirm={() => remove.mutate(node.slug)}
        >
          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`Xoá ${node.title}`} />
        </Popconfirm>
      )}
    </Space>
  );
  const treeData = (nodes: Node[]): NonNullable<TreeProps['treeData']> =>
    nodes.map((n) => ({ key: n.slug, title: title(n), children: treeData(n.children) }));

  return (
    <section aria-labelledby="sections-title">
      <Typography.Title level={1} id="sections-title" style={{ fontSize: 24 }}>
        Chuyên mục
      </Typography.Title>
      {mine.length === 0 && sites.data && <Alert type="info" showIcon message="Bạn không quản lý trang nào." />}
      {mine.length > 0 && (
        <Space wrap style={{ marginBottom: 16 }}>
          <label htmlFor="sections-site">Trang</label>
          <Select
            id="sections-site"
            style={{ width: 280 }}
            value={key}
            showSearch
            optionFilterProp="label"
            onChange={(v) => setParams({ trang: v }, { replace: true })}
            options={mine.map((s) => ({ value: s.key, label: s.title }))}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} disabled={!site.data}>
            Thêm chuyên mục
          </Button>
        </Space>
      )}
      {site.isError && <Alert type="error" showIcon message={site.error.message} />}
      {site.data && (
        <Card size="small">
          <Typography.Paragraph type="secondary">
            Kéo thả để đổi thứ tự hoặc chuyển một chuyên mục vào dưới chuyên mục khác (tối đa 3 cấp).
          </Typography.Paragraph>
          <Tree draggable={{ icon: false }} blockNode defaultExpandAll showLine onDrop={dropped} treeData={treeData(sections)} />
        </Card>
      )}
      <Modal open={adding} title="Thêm chuyên mục" footer={null} onCancel={() => setAdding(false)} destroyOnHidden>
        <Form
          layout="vertical"
          onFinish={(v: { title: string; parent?: string }) => add.mutate({ title: v.title.trim(), parent: v.parent ?? null })}
        >
          <Form.Item
            label="Tên chuyên mục"
            name="title"
            rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên chuyên mục.' }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label="Nằm dưới" name="parent" extra="Để trống: ở cấp trên cùng của menu.">
            <TreeSelect allowClear treeDefaultExpandAll treeData={sectionTree(sections)} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            Thêm
          </Button>
        </Form>
      </Modal>
      <Modal open={Boolean(renaming)} title="Đổi tên chuyên mục" footer={null} onCancel={() => setRenaming(undefined)} destroyOnHidden>
        {renaming && (
          <Form
            layout="vertical"
            initialValues={{ title: renaming.title }}
            onFinish={(v: { title: string }) =>
              change.mutate({ slug: renaming.slug, body: { title: v.title.trim() } }, { onSuccess: () => setRenaming(undefined) })
            }
          >
            <Form.Item label="Tên mới" name="title" rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên chuyên mục.' }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Typography.Paragraph type="secondary">Địa chỉ của chuyên mục (/{renaming.slug}) giữ nguyên.</Typography.Paragraph>
            <Button type="primary" htmlType="submit" loading={change.isPending}>
              Lưu
            </Button>
          </Form>
        )}
      </Modal>
    </section>
  );
}

/** The codes of the units headed (by id) and of every unit below them: the sub-sites a head arranges. */
function unitsBelow(units: { id: string; code: string; parent?: string | null }[], headedIds: (string | null | undefined)[]): Set<string> {
  const codes = new Set(units.filter((u) => headedIds.includes(u.id)).map((u) => u.code));
  for (let grown = true; grown;) {
    grown = false;
    for (const u of units)
      if (u.parent && codes.has(u.parent) && !codes.has(u.code)) {
        codes.add(u.code);
        grown = true;
      }
  }
  return codes;
}
