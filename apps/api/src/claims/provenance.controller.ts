import { Body, Controller, Param, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type AppRequest, type Principal } from '../common/access.js';
import { IdParam } from '../common/params.js';
import { Returns } from '../common/responses.js';
import { ClaimsService } from './claims.service.js';
import { ClaimProvenanceBody } from './provenance.dto.js';
import { ClaimProvenanceService } from './provenance.service.js';

@ApiTags('claims')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('claims/:id/provenance')
export class ClaimProvenanceController {
  constructor(
    private readonly provenance: ClaimProvenanceService,
    private readonly claims: ClaimsService,
  ) {}

  @Put()
  @Returns.one('ClaimDetailDto')
  @Roles('editor')
  @ApiOperation({
    summary:
      "Set or override where and when the claim was said (date, venue, original's URL, recording and time, appeared in); null clears a field so its document's stands. 409 once published",
  })
  async set(
    @Param() { id }: IdParam,
    @Body() body: ClaimProvenanceBody,
    @CurrentPrincipal() me: Principal,
    @Req() req: AppRequest,
  ) {
    await this.provenance.set(id, body, me.user, req.id);
    return this.claims.detail(id, me.user);
  }
}
