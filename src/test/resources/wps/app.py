# A PyWPS 4.5 server for WpsJobTest: argv[1] is the folder holding pywps.cfg and test.tif, argv[2] the port.
# slowtiff reports 20..80 % in steps and returns test.tif by reference; broken fails with a ProcessError;
# features takes GML (its default format) or GeoJSON and reports what reached it.
import hashlib, json, sys, time
from xml.etree import ElementTree
from pywps.app.exceptions import ProcessError
from pywps import Service, Process, LiteralInput, ComplexInput, ComplexOutput, LiteralOutput, Format
from werkzeug.middleware.shared_data import SharedDataMiddleware
from werkzeug.serving import run_simple

HERE = sys.argv[1]
PORT = int(sys.argv[2])

class SlowTiff(Process):
    def __init__(self):
        super().__init__(self._handler, identifier='slowtiff', title='Slow GeoTIFF', version='1',
                         inputs=[LiteralInput('name', 'Dropped file name', data_type='string')],
                         outputs=[ComplexOutput('raster', 'Raster', supported_formats=[Format('image/tiff')], as_reference=True),
                                  LiteralOutput('echo', 'Echo', data_type='string')],
                         store_supported=True, status_supported=True)

    def _handler(self, request, response):
        for pct in (20, 40, 60, 80):
            response.update_status('step at %d' % pct, pct)
            time.sleep(0.6)
        response.outputs['raster'].file = HERE + '/test.tif'
        response.outputs['echo'].data = request.inputs['name'][0].data
        return response

class Broken(Process):
    def __init__(self):
        super().__init__(self._handler, identifier='broken', title='Broken', version='1',
                         inputs=[LiteralInput('name', 'Dropped file name', data_type='string')],
                         outputs=[LiteralOutput('echo', 'Echo', data_type='string')],
                         store_supported=True, status_supported=True)

    def _handler(self, request, response):
        time.sleep(0.3)
        raise ProcessError('cannot process ' + request.inputs['name'][0].data)

class Features(Process):
    def __init__(self):
        super().__init__(self._handler, identifier='features', title='Features', version='1',
                         inputs=[ComplexInput('features', 'Features', supported_formats=[
                             Format('application/gml+xml'), Format('application/geo+json')])],
                         outputs=[LiteralOutput('count', 'Features read', data_type='integer'),
                                  LiteralOutput('sha256', 'SHA-256 of the content as received', data_type='string'),
                                  LiteralOutput('mimetype', 'The format it came in', data_type='string'),
                                  LiteralOutput('delivery', 'inline or reference', data_type='string')],
                         store_supported=True, status_supported=True)

    def _handler(self, request, response):
        features = request.inputs['features'][0]
        data = features.data
        content = data.encode('utf-8') if isinstance(data, str) else data
        mimetype = features.data_format.mime_type
        if 'json' in mimetype:
            count = len(json.loads(content)['features'])
        else:
            count = sum(1 for e in ElementTree.fromstring(content).iter() if e.tag.endswith('featureMember'))
        response.outputs['count'].data = count
        response.outputs['sha256'].data = hashlib.sha256(content).hexdigest()
        response.outputs['mimetype'].data = mimetype
        response.outputs['delivery'].data = 'reference' if features.prop == 'url' else 'inline'
        return response

service = Service([SlowTiff(), Broken(), Features()], [HERE + '/pywps.cfg'])
app = SharedDataMiddleware(service, {'/outputs': HERE + '/outputs'})
run_simple('127.0.0.1', PORT, app)
