import {
  BadRequestException,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  PayloadTooLargeException,
  Post,
  Query,
  Req,
  Res,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCookieAuth,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { RouteConfig } from '@nestjs/platform-fastify';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyReply } from 'fastify';
import type {} from '@fastify/multipart';
import { CurrentPrincipal, Roles, Staff, type AppRequest, type Principal } from '../common/access.js';
import { validationExceptionFactory } from '../common/errors.js';
import { jsonBodyProblem } from '../common/request-guards.js';
import { IdParam } from '../common/params.js';
import { DocumentsService, type Submission } from './documents.service.js';
import { CreateDocumentDto, DocumentMetadataDto, ListDocumentsQuery } from './dto.js';
import { Returns } from '../common/responses.js';

/** Marks the route whose body limit the app factory raises to the configured document size. */
export const DOCUMENT_UPLOAD_ROUTE = { documentUpload: true };

async function validated<T extends object>(cls: new () => T, plain: unknown): Promise<T> {
  // Multipart fields skip the JSON body guard: the same rule, applied here.
  const problem = jsonBodyProblem(plain);
  if (problem) throw new BadRequestException(problem);
  const instance = plainToInstance(cls, plain ?? {});
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true });
  if (errors.length) throw validationExceptionFactory(errors);
  return instance;
}

@ApiTags('documents')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post()
  @Returns.one('DocumentSubmissionDto', { status: [200, 201] })
  @Roles('editor')
  @RouteConfig(DOCUMENT_UPLOAD_ROUTE)
  @ApiOperation({
    summary:
      'Submit a document: JSON {text} or {url}, or a multipart upload (field `file`: .txt .md .html .pdf .docx). The same content again answers 200 with the existing document',
  })
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({ type: CreateDocumentDto })
  @ApiPayloadTooLargeResponse({ description: 'Larger than DOCUMENT_MAX_BYTES' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not one of the accepted formats' })
  async create(
    @Req() req: AppRequest,
    @CurrentPrincipal() me: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    let submission: Submission;
    let meta: DocumentMetadataDto;
    if (req.isMultipart()) {
      const file = await req.file();
      if (!file) throw new UnsupportedMediaTypeException('Send the document in a multipart field named "file".');
      let bytes: Buffer;
      try {
        bytes = await file.toBuffer();
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
          throw new PayloadTooLargeException('The file is larger than the limit for documents.');
        throw err;
      }
      const fields = Object.fromEntries(
        Object.entries(file.fields).flatMap(([k, v]) =>
          v && !Array.isArray(v) && v.type === 'field' ? [[k, v.value]] : [],
        ),
      );
      // Busboy decodes field bytes leniently (invalid UTF-8 arrives as U+FFFD): refused, as in a JSON body.
      if (Object.values(fields).some((v) => typeof v === 'string' && v.includes('\uFFFD')))
        throw new BadRequestException('A form field is not valid UTF-8 text.');
      meta = await validated(DocumentMetadataDto, fields);
      submission = { kind: 'file', bytes, fileName: file.filename, contentType: file.mimetype };
    } else {
      const body = await validated(CreateDocumentDto, req.body);
      if ((body.text === undefined) === (body.url === undefined)) {
        throw validationExceptionFactory([
          { property: 'text', constraints: { oneOf: 'give either text or url' }, children: [] },
        ]);
      }
      const { text, url, ...rest } = body;
      meta = rest;
      submission = text !== undefined ? { kind: 'text', text } : { kind: 'url', url: url! };
    }
    const result = await this.documents.submit(submission, meta, me.user, req.id);
    reply.status(result.duplicate ? 200 : 201);
    return result;
  }

  @Get()
  @Returns.countedPage('DocumentDto')
  @Staff()
  @ApiOperation({ summary: 'Documents, newest first, with state, progress and claim counts' })
  list(@Query() query: ListDocumentsQuery) {
    return this.documents.list(query);
  }

  @Get(':id')
  @Returns.one('DocumentDetailDto')
  @Staff()
  @ApiOperation({ summary: 'A document: its metadata, text, and claims with their offsets' })
  detail(@Param() { id }: IdParam) {
    return this.documents.detail(id);
  }

  @Post(':id/retry')
  @Returns.one('DocumentDto')
  @Roles('editor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a failed document through the pipeline again' })
  retry(@Param() { id }: IdParam, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.documents.retry(id, me.user, req.id);
  }

  @Delete(':id')
  @Returns.nothing()
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a document and its claims (refused when one was published)' })
  remove(@Param() { id }: IdParam, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.documents.remove(id, me.user, req.id);
  }
}
