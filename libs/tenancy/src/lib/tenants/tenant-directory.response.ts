import { ApiProperty } from '@nestjs/swagger';

/** One province of the development directory: what a province picker shows and sends (`X-Tenant`). */
export class TenantDirectoryEntryResponse {
  @ApiProperty({ example: 'lao-cai', description: 'The value of the X-Tenant header' })
  code!: string;

  @ApiProperty({ example: 'Tỉnh Lào Cai' })
  name!: string;
}
